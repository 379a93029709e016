// Select text on a page → a small toolbar above it: colours (editors and owners), "Note" and
// "Comment". Viewers get "Comment", which quotes the passage in a paper-level thread.
import { createSignal, For, onCleanup, onMount, Show } from "solid-js";
import { errorMessage } from "../api";
import { toast } from "../stores/toasts";
import { anchorFromRange, rectsOf, type Anchor, type Rect } from "./anchoring";
import type { AnnotationsStore } from "./annotations-store";
import { RIcon } from "./icons";
import { pageElementOf } from "./PageView";
import { colorLabel, HIGHLIGHT_COLORS, type HighlightColor, type People } from "./people";
import type { ReaderUi } from "./reader-ui";
import { rangeFor } from "./text-index";
import type { Viewer } from "./viewer";

interface Pending {
  page: number;
  anchor: Anchor;
  rects: Rect[];
  top: number;
  left: number;
}

const COLOR_KEY = "sk.highlightColor";

export function SelectionToolbar(props: { viewer: Viewer; store: AnnotationsStore; ui: ReaderUi; people: People }) {
  const [pending, setPending] = createSignal<Pending | null>(null);
  const [busy, setBusy] = createSignal(false);
  const lastColor = (): HighlightColor => (HIGHLIGHT_COLORS as readonly string[]).includes(localStorage.getItem(COLOR_KEY) ?? "") ? (localStorage.getItem(COLOR_KEY) as HighlightColor) : "yellow";

  function read() {
    const sel = getSelection();
    if (!sel || sel.isCollapsed || sel.rangeCount === 0) return setPending(null);
    const range = sel.getRangeAt(0);
    const pageEl = pageElementOf(range.startContainer);
    if (!pageEl) return setPending(null);
    const page = Number(pageEl.dataset.page);
    const index = props.viewer.indexes().get(page);
    if (!index) return setPending(null);
    const clipped = range.cloneRange();
    // A selection running onto the next page is cut at the end of this one.
    if (!pageEl.contains(range.endContainer)) clipped.setEnd(index.segments.at(-1)!.node, index.segments.at(-1)!.node.length);
    const anchor = anchorFromRange(index, clipped);
    const exact = anchor && rangeFor(index, anchor.start, anchor.end);
    if (!anchor || !exact) return setPending(null);
    const rects = rectsOf(exact, pageEl.getBoundingClientRect());
    const box = exact.getBoundingClientRect();
    setPending({ page, anchor, rects, top: box.top, left: box.left + box.width / 2 });
  }

  async function highlight(color: HighlightColor, then?: (id: string) => void) {
    const p = pending();
    if (!p || busy()) return;
    setBusy(true);
    try {
      localStorage.setItem(COLOR_KEY, color);
      const a = await props.store.createAnnotation({ page: p.page, quote: p.anchor.quote, prefix: p.anchor.prefix, suffix: p.anchor.suffix, rects: p.rects, color, note: null });
      getSelection()?.removeAllRanges();
      setPending(null);
      props.ui.focus(a.id);
      then?.(a.id);
    } catch (e) {
      toast(errorMessage(e), "error");
    } finally {
      setBusy(false);
    }
  }

  function commentAsViewer() {
    const p = pending();
    if (!p) return;
    props.ui.compose("paper", `“${p.anchor.quote}” (p. ${p.page})\n\n`);
    getSelection()?.removeAllRanges();
    setPending(null);
  }

  onMount(() => {
    const scroller = props.viewer.scroller();
    const up = () => setTimeout(read, 0);
    const change = () => {
      if (getSelection()?.isCollapsed) setPending(null);
    };
    const hide = () => setPending(null);
    scroller?.addEventListener("mouseup", up);
    scroller?.addEventListener("keyup", up);
    scroller?.addEventListener("scroll", hide, { passive: true });
    document.addEventListener("selectionchange", change);
    onCleanup(() => {
      scroller?.removeEventListener("mouseup", up);
      scroller?.removeEventListener("keyup", up);
      scroller?.removeEventListener("scroll", hide);
      document.removeEventListener("selectionchange", change);
    });
  });

  return (
    <Show when={pending()}>
      {(p) => (
        <div class="selection-toolbar" role="toolbar" aria-label="Selection" style={{ top: `${p().top}px`, left: `${p().left}px` }} onMouseDown={(e) => e.preventDefault()}>
          <Show when={props.people.canHighlight}>
            <For each={HIGHLIGHT_COLORS}>
              {(c) => (
                <button type="button" class={`swatch swatch-${c}`} aria-label={`Highlight ${colorLabel[c].toLowerCase()}`} title={`Highlight ${colorLabel[c].toLowerCase()}`} disabled={busy()} onClick={() => void highlight(c)} />
              )}
            </For>
            <span class="toolbar-sep" aria-hidden="true" />
            <button type="button" class="sel-action" disabled={busy()} onClick={() => void highlight(lastColor(), (id) => props.ui.editNote(id))}>
              <RIcon name="note" size={14} /> Note
            </button>
          </Show>
          <button
            type="button"
            class="sel-action"
            disabled={busy()}
            onClick={() => (props.people.canHighlight ? void highlight(lastColor(), (id) => props.ui.compose(id)) : commentAsViewer())}
          >
            <RIcon name="comment" size={14} /> Comment
          </button>
        </div>
      )}
    </Show>
  );
}
