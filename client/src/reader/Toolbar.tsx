// The reader's top strip: back to the library, the title, page indicator with jump, zoom,
// fit width, find, and the panel toggles. Shortcuts are named in the tooltips.
import { A } from "@solidjs/router";
import { createSignal, Show, type JSX } from "solid-js";
import { RIcon } from "./icons";
import type { Viewer } from "./viewer";

export function ReaderToolbar(props: {
  viewer: Viewer;
  libraryHref: string;
  title: string;
  onFind: () => void;
  sidebarOpen: boolean;
  onToggleSidebar: () => void;
  infoOpen: boolean;
  onToggleInfo: () => void;
  presence?: JSX.Element;
}) {
  const v = props.viewer;
  const [draft, setDraft] = createSignal<string | null>(null);

  function jump(e: SubmitEvent) {
    e.preventDefault();
    const n = Number.parseInt(draft() ?? "", 10);
    if (Number.isFinite(n)) v.scrollToPage(Math.min(Math.max(1, n), v.numPages()));
    setDraft(null);
    (document.activeElement as HTMLElement | null)?.blur();
  }

  return (
    <div class="reader-toolbar" role="toolbar" aria-label="Reader">
      <div class="reader-toolbar-start">
        <A href={props.libraryHref} end class="btn-icon" aria-label="Back to the library" title="Back to the library">
          <RIcon name="back" />
        </A>
        <h1 class="reader-title serif" title={props.title}>
          {props.title}
        </h1>
      </div>
      <div class="reader-toolbar-center">
        <form class="page-jump" onSubmit={jump}>
          <input
            class="page-jump-input"
            aria-label="Page number"
            title="Go to page"
            inputmode="numeric"
            value={draft() ?? String(v.currentPage())}
            onFocus={(e) => e.currentTarget.select()}
            onInput={(e) => setDraft(e.currentTarget.value)}
            onBlur={() => setDraft(null)}
            size={String(v.numPages()).length + 1}
          />
          <span class="page-count" aria-live="polite">
            <span class="visually-hidden">Page {v.currentPage()} </span>/ {v.numPages() || "…"}
          </span>
        </form>
        <span class="toolbar-sep" aria-hidden="true" />
        <button type="button" class="btn-icon" aria-label="Zoom out" title="Zoom out (Ctrl −)" onClick={() => v.zoomBy(-1)}>
          <RIcon name="zoomOut" />
        </button>
        <button type="button" class="zoom-level" title="Fit width" aria-label={`Zoom ${Math.round(v.zoom() * 100)}%, fit to width`} onClick={() => v.fit()}>
          {Math.round(v.zoom() * 100)}%
        </button>
        <button type="button" class="btn-icon" aria-label="Zoom in" title="Zoom in (Ctrl +)" onClick={() => v.zoomBy(1)}>
          <RIcon name="zoomIn" />
        </button>
        <button type="button" class="btn-icon" classList={{ active: v.fitWidth() }} aria-pressed={v.fitWidth()} aria-label="Fit width" title="Fit width" onClick={() => v.fit()}>
          <RIcon name="fitWidth" />
        </button>
        <span class="toolbar-sep" aria-hidden="true" />
        <button type="button" class="btn-icon" aria-label="Find in document" title="Find in document (Ctrl F)" onClick={() => props.onFind()}>
          <RIcon name="search" />
        </button>
      </div>
      <div class="reader-toolbar-end">
        <Show when={props.presence}>{props.presence}</Show>
        <button type="button" class="btn-icon" classList={{ active: props.infoOpen }} aria-pressed={props.infoOpen} aria-label="Paper details" title="Paper details" onClick={() => props.onToggleInfo()}>
          <RIcon name="info" />
        </button>
        <button
          type="button"
          class="btn-icon"
          classList={{ active: props.sidebarOpen }}
          aria-pressed={props.sidebarOpen}
          aria-label="Annotations sidebar"
          title="Annotations (])"
          onClick={() => props.onToggleSidebar()}
        >
          <RIcon name="panel" />
        </button>
      </div>
    </div>
  );
}
