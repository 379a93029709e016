// One page of the continuous view: a placeholder of the right size always, and while it is
// near the viewport its canvas and text layer. Far pages give their memory back.
import type { PDFPageProxy } from "pdfjs-dist";
import { createEffect, createSignal, on, onCleanup, Show, type JSX } from "solid-js";
import { PDF_TO_CSS } from "./pdf";
import { renderCanvas, renderTextLayer, type CanvasJob, type TextJob } from "./render-page";
import { buildTextIndex } from "./text-index";
import type { Viewer } from "./viewer";

export function PageView(props: { viewer: Viewer; page: number; near: boolean; children?: JSX.Element }) {
  const v = props.viewer;
  let canvasSlot!: HTMLDivElement;
  let textSlot!: HTMLDivElement;
  const [proxy, setProxy] = createSignal<PDFPageProxy | null>(null);
  const [painted, setPainted] = createSignal(false);
  let canvasJob: CanvasJob | null = null;
  let textJob: TextJob | null = null;
  let generation = 0;

  function release() {
    generation++;
    canvasJob?.cancel();
    textJob?.cancel();
    canvasJob = textJob = null;
    for (const c of canvasSlot.querySelectorAll("canvas")) {
      c.width = 0;
      c.height = 0;
    }
    canvasSlot.replaceChildren();
    textSlot.replaceChildren();
    v.setIndex(props.page, null);
    proxy()?.cleanup();
    setProxy(null);
    setPainted(false);
  }

  createEffect(
    on([() => props.near, v.doc], ([near, doc]) => {
      if (!near || !doc) {
        if (proxy() || canvasJob || textJob) release();
        return;
      }
      if (proxy()) return;
      const gen = ++generation;
      void doc.getPage(props.page).then((page) => {
        if (gen !== generation) return;
        const vp = page.getViewport({ scale: PDF_TO_CSS });
        v.learnSize(props.page, { w: vp.width, h: vp.height });
        setProxy(page);
        textJob = renderTextLayer(page, v.zoom());
        void textJob.done.then((layer) => {
          if (!layer || gen !== generation) return;
          textSlot.replaceChildren(layer);
          v.setIndex(props.page, buildTextIndex(layer));
        });
      });
    }),
  );

  // The canvas follows the zoom, debounced so a burst of zoom clicks renders once.
  createEffect(
    on([proxy, v.zoom], ([page, zoom]) => {
      if (!page) return;
      const gen = generation;
      const timer = setTimeout(() => {
        canvasJob?.cancel();
        const job = renderCanvas(page, zoom);
        canvasJob = job;
        void job.done.then((canvas) => {
          if (!canvas || gen !== generation || canvasJob !== job) return;
          for (const old of canvasSlot.querySelectorAll("canvas")) {
            old.width = 0;
            old.height = 0;
          }
          canvasSlot.replaceChildren(canvas);
          setPainted(true);
        });
      }, painted() ? 120 : 0);
      onCleanup(() => clearTimeout(timer));
    }),
  );

  onCleanup(() => {
    release();
    v.registerPage(props.page, null);
  });

  const size = () => v.pageSize(props.page);
  return (
    <div
      ref={(node) => v.registerPage(props.page, node)}
      class="pdf-page"
      classList={{ painted: painted() }}
      data-page={props.page}
      role="region"
      aria-label={`Page ${props.page}`}
      style={{ width: `${size().w}px`, height: `${size().h}px`, "--total-scale-factor": String(v.scaleFactor()) }}
    >
      <div class="page-canvas-slot" ref={canvasSlot} />
      <Show when={!painted()}>
        <span class="page-placeholder-label" aria-hidden="true">
          {props.page}
        </span>
      </Show>
      {props.children}
      <div class="page-text-slot" ref={textSlot} />
    </div>
  );
}

export const pageElementOf = (node: Node | null): HTMLElement | null => (node instanceof Element ? node : node?.parentElement ?? null)?.closest<HTMLElement>(".pdf-page") ?? null;
