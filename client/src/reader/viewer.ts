// The reader's state: the open pdf.js document, page sizes, zoom, the page in view, each
// rendered page's text index, and scrolling. Components read it; only this file moves the view.
import type { PDFDocumentProxy } from "pdfjs-dist";
import { batch, createSignal } from "solid-js";
import { PDF_TO_CSS } from "./pdf";
import type { TextIndex } from "./text-index";

export interface Size {
  w: number;
  h: number;
}

export const ZOOM_STEPS = [0.5, 0.67, 0.75, 0.85, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4];
const PAGE_GAP = 16;

export function createViewer() {
  const [doc, setDoc] = createSignal<PDFDocumentProxy | null>(null);
  const [numPages, setNumPages] = createSignal(0);
  /** Page size in CSS px at zoom 1; pages not yet loaded borrow page 1's. */
  const [sizes, setSizes] = createSignal<Size[]>([]);
  const [zoom, setZoomSignal] = createSignal(1);
  const [fitWidth, setFitWidth] = createSignal(true);
  const [currentPage, setCurrentPage] = createSignal(1);
  const [indexes, setIndexes] = createSignal<ReadonlyMap<number, TextIndex>>(new Map());
  let scroller: HTMLElement | undefined;
  const pageEls = new Map<number, HTMLElement>();

  async function open(pdf: PDFDocumentProxy) {
    const first = await pdf.getPage(1);
    const vp = first.getViewport({ scale: PDF_TO_CSS });
    batch(() => {
      setDoc(pdf);
      setNumPages(pdf.numPages);
      setSizes(Array.from({ length: pdf.numPages }, () => ({ w: vp.width, h: vp.height })));
    });
    if (fitWidth()) fit();
  }

  function learnSize(page: number, size: Size) {
    const cur = sizes()[page - 1];
    if (cur && Math.abs(cur.w - size.w) < 0.5 && Math.abs(cur.h - size.h) < 0.5) return;
    keepPosition(() => setSizes((list) => list.map((s, i) => (i === page - 1 ? size : s))));
  }

  function pageSize(page: number): Size {
    const s = sizes()[page - 1] ?? { w: 816, h: 1056 };
    return { w: s.w * zoom(), h: s.h * zoom() };
  }

  /** The page at 30% of the viewport height, by binary search over the page elements. */
  function pageAtViewport(): { page: number; fraction: number } {
    const n = numPages();
    if (!scroller || n === 0) return { page: 1, fraction: 0 };
    const probe = scroller.scrollTop + scroller.clientHeight * 0.3;
    let lo = 1;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      const el = pageEls.get(mid);
      if (el && el.offsetTop <= probe) lo = mid;
      else hi = mid - 1;
    }
    const el = pageEls.get(lo);
    const fraction = el ? (probe - el.offsetTop) / Math.max(1, el.offsetHeight) : 0;
    return { page: lo, fraction: Math.min(1, Math.max(0, fraction)) };
  }

  function onScroll() {
    const { page } = pageAtViewport();
    if (page !== currentPage()) setCurrentPage(page);
  }

  function scrollToPage(page: number, fraction = 0, opts: { smooth?: boolean; topOffset?: number } = {}) {
    const el = pageEls.get(Math.min(Math.max(1, page), numPages()));
    if (!scroller || !el) return;
    const top = el.offsetTop + fraction * el.offsetHeight - (opts.topOffset ?? PAGE_GAP);
    scroller.scrollTo({ top, behavior: opts.smooth ? "smooth" : "auto" });
    setCurrentPage(Math.min(Math.max(1, page), numPages()));
  }

  /** Keep the same spot of the same page at the top while the layout changes. */
  function keepPosition(change: () => void) {
    if (!scroller) return change();
    const probeOffset = scroller.clientHeight * 0.3;
    const at = pageAtViewport();
    change();
    const el = pageEls.get(at.page);
    if (!el) return;
    scroller.scrollTop = el.offsetTop + at.fraction * el.offsetHeight - probeOffset;
  }

  function setZoom(next: number, fromFit = false) {
    const z = Math.min(4, Math.max(0.25, Math.round(next * 1000) / 1000));
    if (!fromFit) setFitWidth(false);
    if (z !== zoom()) keepPosition(() => setZoomSignal(z));
  }

  function zoomBy(direction: 1 | -1) {
    const z = zoom();
    const next = direction > 0 ? ZOOM_STEPS.find((s) => s > z + 0.001) : [...ZOOM_STEPS].reverse().find((s) => s < z - 0.001);
    setZoom(next ?? z);
  }

  function fit() {
    setFitWidth(true);
    if (!scroller) return;
    const base = sizes()[currentPage() - 1] ?? sizes()[0];
    if (!base) return;
    const avail = scroller.clientWidth - 2 * 40;
    setZoom(Math.min(2.5, avail / base.w), true);
  }

  function registerPage(page: number, el: HTMLElement | null) {
    if (el) pageEls.set(page, el);
    else pageEls.delete(page);
  }

  function setIndex(page: number, index: TextIndex | null) {
    setIndexes((prev) => {
      const next = new Map(prev);
      if (index) next.set(page, index);
      else next.delete(page);
      return next;
    });
  }

  return {
    doc,
    numPages,
    zoom,
    fitWidth,
    currentPage,
    indexes,
    open,
    learnSize,
    pageSize,
    onScroll,
    scrollToPage,
    setZoom,
    zoomBy,
    fit,
    registerPage,
    pageElement: (page: number) => pageEls.get(page),
    setIndex,
    setScroller: (el: HTMLElement) => (scroller = el),
    scroller: () => scroller,
    scaleFactor: () => zoom() * PDF_TO_CSS,
  };
}

export type Viewer = ReturnType<typeof createViewer>;
