// The scrolling column of pages. One IntersectionObserver decides which pages are near enough
// to render (about two screens either way); everything else is a sized placeholder.
import { createSignal, Index, onCleanup, onMount, type JSX } from "solid-js";
import { PageView } from "./PageView";
import type { Viewer } from "./viewer";

export function PdfView(props: { viewer: Viewer; overlay?: (page: number) => JSX.Element; onUserScroll?: () => void; children?: JSX.Element }) {
  const v = props.viewer;
  let scroller!: HTMLDivElement;
  const [near, setNear] = createSignal<ReadonlySet<number>>(new Set());
  let observer: IntersectionObserver | undefined;
  const observed = new Set<Element>();

  onMount(() => {
    v.setScroller(scroller);
    observer = new IntersectionObserver(
      (entries) => {
        setNear((prev) => {
          const next = new Set(prev);
          for (const e of entries) {
            const n = Number((e.target as HTMLElement).dataset.page);
            if (e.isIntersecting) next.add(n);
            else next.delete(n);
          }
          return next;
        });
      },
      { root: scroller, rootMargin: "150% 0px 150% 0px" },
    );
    for (const el of observed) observer.observe(el);
    const resize = new ResizeObserver(() => {
      if (v.fitWidth()) v.fit();
    });
    resize.observe(scroller);
    onCleanup(() => {
      observer?.disconnect();
      resize.disconnect();
    });
  });

  function watch(el: HTMLElement) {
    observed.add(el);
    observer?.observe(el);
    onCleanup(() => {
      observed.delete(el);
      observer?.unobserve(el);
    });
  }

  // Scrolling the person did (wheel, touch, keys, the scrollbar), as opposed to ours.
  const userScroll = () => props.onUserScroll?.();
  const SCROLL_KEYS = new Set(["ArrowUp", "ArrowDown", "PageUp", "PageDown", "Home", "End", " "]);
  const onKey = (e: KeyboardEvent) => SCROLL_KEYS.has(e.key) && userScroll();
  const onPointer = (e: PointerEvent) => e.target === scroller && userScroll();

  let ticking = false;
  function onScroll() {
    if (ticking) return;
    ticking = true;
    requestAnimationFrame(() => {
      ticking = false;
      v.onScroll();
    });
  }

  const pages = () => Array.from({ length: v.numPages() }, (_, i) => i + 1);

  return (
    <div
      class="pdf-scroller"
      ref={scroller}
      onScroll={onScroll}
      onWheel={userScroll}
      onTouchMove={userScroll}
      onKeyDown={onKey}
      onPointerDown={onPointer}
      tabindex="0"
      aria-label="Paper"
    >
      <div class="pdf-pages">
        <Index each={pages()}>
          {(page) => (
            <div class="pdf-page-frame" data-page={page()} ref={watch}>
              <PageView viewer={v} page={page()} near={near().has(page())}>
                {props.overlay?.(page())}
              </PageView>
            </div>
          )}
        </Index>
      </div>
      {props.children}
    </div>
  );
}
