// Drop PDFs anywhere on the page: while files are dragged over the window, an overlay says
// where they will go. Only mounted for people who may upload.
import { createSignal, onCleanup, onMount, Show } from "solid-js";
import { Icon } from "../Icon";

export function DropOverlay(props: { projectName: string; onFiles: (files: File[]) => void }) {
  const [over, setOver] = createSignal(false);
  let depth = 0;
  const hasFiles = (e: DragEvent) => e.dataTransfer?.types.includes("Files") ?? false;

  const enter = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    depth++;
    setOver(true);
  };
  const overHandler = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = "copy";
  };
  const leave = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    depth = Math.max(0, depth - 1);
    if (depth === 0) setOver(false);
  };
  const drop = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    depth = 0;
    setOver(false);
    const files = [...(e.dataTransfer?.files ?? [])];
    if (files.length) props.onFiles(files);
  };
  const escape = (e: KeyboardEvent) => {
    if (e.key === "Escape") {
      depth = 0;
      setOver(false);
    }
  };

  onMount(() => {
    document.addEventListener("dragenter", enter);
    document.addEventListener("dragover", overHandler);
    document.addEventListener("dragleave", leave);
    document.addEventListener("drop", drop);
    document.addEventListener("keydown", escape);
  });
  onCleanup(() => {
    document.removeEventListener("dragenter", enter);
    document.removeEventListener("dragover", overHandler);
    document.removeEventListener("dragleave", leave);
    document.removeEventListener("drop", drop);
    document.removeEventListener("keydown", escape);
  });

  return (
    <Show when={over()}>
      <div class="drop-overlay" aria-hidden="true">
        <div class="drop-card">
          <Icon name="upload" size={28} />
          <p class="drop-title">
            Drop to upload to <span class="serif">{props.projectName}</span>
          </p>
          <p class="drop-hint">PDF files only. Each is read in the background.</p>
        </div>
      </div>
    </Show>
  );
}
