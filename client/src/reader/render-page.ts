// Draws one page: the canvas at devicePixelRatio (capped so huge zooms don't exhaust memory)
// and pdf.js' text layer for selection. The text layer scales with --total-scale-factor, so a
// zoom only redraws the canvas.
import type { PDFPageProxy, RenderTask } from "pdfjs-dist";
import { loadPdfjs, PDF_TO_CSS } from "./pdf";

const MAX_CANVAS_PIXELS = 16_000_000;

export interface CanvasJob {
  done: Promise<HTMLCanvasElement | null>;
  cancel(): void;
}

export function renderCanvas(page: PDFPageProxy, zoom: number): CanvasJob {
  const viewport = page.getViewport({ scale: zoom * PDF_TO_CSS });
  let ratio = window.devicePixelRatio || 1;
  const pixels = viewport.width * viewport.height * ratio * ratio;
  if (pixels > MAX_CANVAS_PIXELS) ratio = Math.sqrt(MAX_CANVAS_PIXELS / (viewport.width * viewport.height));
  const canvas = document.createElement("canvas");
  canvas.className = "page-canvas";
  canvas.width = Math.floor(viewport.width * ratio);
  canvas.height = Math.floor(viewport.height * ratio);
  const ctx = canvas.getContext("2d", { alpha: false });
  if (!ctx) return { done: Promise.resolve(null), cancel() {} };
  let task: RenderTask | null = page.render({
    canvas,
    canvasContext: ctx,
    viewport,
    transform: ratio !== 1 ? [ratio, 0, 0, ratio, 0, 0] : undefined,
  });
  const done = task.promise.then(
    () => canvas,
    () => null, // cancelled or failed: the placeholder stays
  );
  return {
    done,
    cancel() {
      task?.cancel();
      task = null;
      canvas.width = 0;
      canvas.height = 0;
    },
  };
}

export interface TextJob {
  done: Promise<HTMLElement | null>;
  cancel(): void;
}

export function renderTextLayer(page: PDFPageProxy, zoom: number): TextJob {
  const container = document.createElement("div");
  container.className = "textLayer";
  let cancelled = false;
  let layer: { cancel(): void } | null = null;
  const done = (async () => {
    const pdfjs = await loadPdfjs();
    if (cancelled) return null;
    const textLayer = new pdfjs.TextLayer({
      textContentSource: page.streamTextContent({ includeMarkedContent: true, disableNormalization: true }),
      container,
      viewport: page.getViewport({ scale: zoom * PDF_TO_CSS }),
    });
    layer = textLayer;
    try {
      await textLayer.render();
    } catch {
      return null;
    }
    if (cancelled) return null;
    const end = document.createElement("div");
    end.className = "endOfContent";
    container.append(end);
    return container;
  })();
  return {
    done,
    cancel() {
      cancelled = true;
      layer?.cancel();
    },
  };
}
