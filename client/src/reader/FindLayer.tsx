// The find matches of one page, drawn from its text index once the text layer is ready; the
// current match is brought into view when its page arrives.
import { createEffect, createMemo, For } from "solid-js";
import { rectsOf, type Rect } from "./anchoring";
import { matchOffsets, type Find } from "./find";
import { rangeFor } from "./text-index";
import type { Viewer } from "./viewer";

export function FindLayer(props: { viewer: Viewer; find: Find; page: number }) {
  const hits = createMemo<Rect[][]>(() => {
    const q = props.find.open() ? props.find.query() : "";
    const index = props.viewer.indexes().get(props.page);
    const el = props.viewer.pageElement(props.page);
    if (!q.trim() || !index || !el) return [];
    const box = el.getBoundingClientRect();
    return matchOffsets(index.text, q).map((m) => {
      const range = rangeFor(index, m.start, m.end);
      return range ? rectsOf(range, box) : [];
    });
  });
  const currentOrdinal = () => {
    const m = props.find.currentMatch();
    return m && m.page === props.page ? m.ordinal : -1;
  };
  let layer!: HTMLDivElement;

  createEffect(() => {
    const k = currentOrdinal();
    if (k < 0 || hits().length === 0) return;
    const hit = layer.querySelector<HTMLElement>(`.find-hit[data-ordinal="${k}"]`);
    const page = props.viewer.pageElement(props.page);
    // A little above the line the page indicator reads (30%), so it names the match's page.
    if (hit && page) props.viewer.scrollToPage(props.page, hit.offsetTop / page.offsetHeight, { topOffset: (props.viewer.scroller()?.clientHeight ?? 600) * 0.28 });
  });

  return (
    <div class="find-layer" ref={layer} aria-hidden="true">
      <For each={hits()}>
        {(rects, k) => (
          <For each={rects}>
            {(r, j) => (
              <span
                class="find-hit"
                classList={{ current: k() === currentOrdinal() }}
                data-ordinal={j() === 0 ? k() : undefined}
                style={{ left: `${r.x * 100}%`, top: `${r.y * 100}%`, width: `${r.w * 100}%`, height: `${r.h * 100}%` }}
              />
            )}
          </For>
        )}
      </For>
    </div>
  );
}
