// One page's highlights: drawn from their stored rects, checked against the text layer once it
// is ready (re-anchored from the quote if the text moved, reported as orphans if the quote is
// gone). Hovering shows the note and author; clicking focuses the highlight in the sidebar.
import { createEffect, createMemo, For, onCleanup, onMount, Show } from "solid-js";
import { place, type Placement, type Rect } from "./anchoring";
import type { Annotation, AnnotationsStore } from "./annotations-store";
import type { People } from "./people";
import type { ReaderUi } from "./reader-ui";
import type { TextIndex } from "./text-index";
import type { Viewer } from "./viewer";

const cache = new WeakMap<TextIndex, Map<string, Placement>>();

function placed(index: TextIndex, box: DOMRect, a: Annotation): Placement {
  let map = cache.get(index);
  if (!map) cache.set(index, (map = new Map()));
  const key = `${a.id}:${a.version}`;
  let p = map.get(key);
  if (!p) map.set(key, (p = place(index, box, a)));
  return p;
}

const inside = (r: Rect, x: number, y: number) => x >= r.x && x <= r.x + r.w && y >= r.y && y <= r.y + r.h;

export function HighlightLayer(props: { viewer: Viewer; store: AnnotationsStore; ui: ReaderUi; people: People; page: number }) {
  let layer!: HTMLDivElement;
  const items = createMemo(() => {
    const index = props.viewer.indexes().get(props.page);
    const el = props.viewer.pageElement(props.page);
    const box = index && el ? el.getBoundingClientRect() : null;
    return props.store
      .annotations()
      .filter((a) => a.page === props.page)
      .map((a) => ({ a, rects: index && box ? placed(index, box, a) : ({ kind: "rects", rects: a.rects } as Placement) }))
      .map(({ a, rects }) => ({ a, rects: rects.kind === "rects" ? rects.rects : null }));
  });

  createEffect(() => {
    if (!props.viewer.indexes().get(props.page)) return;
    props.ui.setOrphans(
      props.page,
      items()
        .filter((x) => !x.rects)
        .map((x) => x.a.id),
    );
  });

  function hit(e: MouseEvent): { a: Annotation; rect: Rect } | null {
    const box = layer.getBoundingClientRect();
    const x = (e.clientX - box.left) / box.width;
    const y = (e.clientY - box.top) / box.height;
    for (const item of [...items()].reverse()) {
      const rect = item.rects?.find((r) => inside(r, x, y));
      if (rect) return { a: item.a, rect };
    }
    return null;
  }

  onMount(() => {
    const page = layer.parentElement!;
    const move = (e: MouseEvent) => {
      const h = hit(e);
      const cur = props.ui.hover();
      if (!h) {
        if (cur?.page === props.page) props.ui.setHover(null);
        page.classList.remove("over-highlight");
        return;
      }
      page.classList.add("over-highlight");
      if (cur?.id === h.a.id) return;
      const last = (items().find((i) => i.a.id === h.a.id)?.rects ?? [h.rect]).at(-1)!;
      props.ui.setHover({ id: h.a.id, page: props.page, x: last.x, y: last.y + last.h });
    };
    const leave = () => props.ui.hover()?.page === props.page && props.ui.setHover(null);
    const click = (e: MouseEvent) => {
      if (!getSelection()?.isCollapsed) return;
      const h = hit(e);
      if (h) props.ui.focus(h.a.id);
    };
    page.addEventListener("mousemove", move);
    page.addEventListener("mouseleave", leave);
    page.addEventListener("click", click);
    onCleanup(() => {
      page.removeEventListener("mousemove", move);
      page.removeEventListener("mouseleave", leave);
      page.removeEventListener("click", click);
    });
  });

  const hovered = () => {
    const h = props.ui.hover();
    return h && h.page === props.page ? (props.store.annotation(h.id) ?? null) : null;
  };

  return (
    <div class="highlight-layer" ref={layer}>
      <For each={items()}>
        {(item) => (
          <For each={item.rects ?? []}>
            {(r) => (
              <span
                class={`hl hl-${item.a.color}`}
                classList={{ focused: props.ui.focused() === item.a.id, mine: item.a.authorId === props.people.me() }}
                data-annotation={item.a.id}
                style={{ left: `${r.x * 100}%`, top: `${r.y * 100}%`, width: `${r.w * 100}%`, height: `${r.h * 100}%` }}
              />
            )}
          </For>
        )}
      </For>
      <Show when={hovered()}>
        {(a) => (
          <div class="hl-hover" style={{ left: `${props.ui.hover()!.x * 100}%`, top: `calc(${props.ui.hover()!.y * 100}% + 6px)` }}>
            <div class="hl-hover-author">{props.people.nameOf(a().authorId)}</div>
            <Show when={a().note} fallback={<div class="hl-hover-empty">No note</div>}>
              <div class="hl-hover-note">{a().note}</div>
            </Show>
          </div>
        )}
      </Show>
    </div>
  );
}
