// Reader keyboard shortcuts: Ctrl/Cmd+F find, Ctrl/Cmd +/−/0 zoom, ] toggles the sidebar,
// Esc closes the find bar. Typing in a field is left alone (except the browser-find override).
import { onCleanup, onMount } from "solid-js";
import type { Find } from "./find";
import type { Viewer } from "./viewer";

export function useReaderShortcuts(viewer: Viewer, find: Find, toggleSidebar: () => void) {
  function onKey(e: KeyboardEvent) {
    const mod = e.ctrlKey || e.metaKey;
    const target = e.target as HTMLElement | null;
    const typing = !!target?.closest("input, textarea, [contenteditable=true]");
    if (mod && e.key.toLowerCase() === "f") {
      e.preventDefault();
      find.show();
    } else if (mod && (e.key === "+" || e.key === "=")) {
      e.preventDefault();
      viewer.zoomBy(1);
    } else if (mod && e.key === "-") {
      e.preventDefault();
      viewer.zoomBy(-1);
    } else if (mod && e.key === "0") {
      e.preventDefault();
      viewer.fit();
    } else if (!typing && !mod && e.key === "]") {
      toggleSidebar();
    } else if (e.key === "Escape" && find.open() && !typing) {
      find.close();
    }
  }
  onMount(() => window.addEventListener("keydown", onKey));
  onCleanup(() => window.removeEventListener("keydown", onKey));
}
