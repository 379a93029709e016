// The reader's own stroke icons, drawn by components/Icon's renderer so they follow the text colour.
import { StrokeIcon } from "../components/Icon";
const paths = {
  zoomIn: "M11 18a7 7 0 1 0 0-14 7 7 0 0 0 0 14zM21 21l-5-5M11 8v6M8 11h6",
  zoomOut: "M11 18a7 7 0 1 0 0-14 7 7 0 0 0 0 14zM21 21l-5-5M8 11h6",
  search: "M11 18a7 7 0 1 0 0-14 7 7 0 0 0 0 14zM21 21l-5-5",
  fitWidth: "M3 12h18M7 8l-4 4 4 4M17 8l4 4-4 4",
  up: "M6 15l6-6 6 6",
  down: "M6 9l6 6 6-6",
  close: "M18 6L6 18M6 6l12 12",
  panel: "M3 4h18v16H3zM15 4v16",
  info: "M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20zM12 16v-4M12 8h.01",
  comment: "M21 12a8 8 0 0 1-11.6 7.1L4 20l1-4.6A8 8 0 1 1 21 12z",
  note: "M4 4h16v12H8l-4 4zM8 8h8M8 12h5",
  highlight: "M9 11l-5 5v4h4l5-5M14 6l4 4M9 11l5-5 4 4-5 5z",
  eye: "M2 12s4-7 10-7 10 7 10 7-4 7-10 7S2 12 2 12zM12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6z",
  trash: "M3 6h18M8 6V4h8v2M19 6l-1 14H6L5 6",
  check: "M5 12l5 5L20 7",
  back: "M15 18l-6-6 6-6",
  unlink: "M9 15l6-6M11 6l1-1a4 4 0 0 1 6 6l-1 1M13 18l-1 1a4 4 0 0 1-6-6l1-1",
} as const;

export type ReaderIconName = keyof typeof paths;

export function RIcon(props: { name: ReaderIconName; size?: number }) {
  return <StrokeIcon d={paths[props.name]} size={props.size} />;
}
