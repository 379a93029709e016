// pdf.js, loaded on first use as its own chunk together with its worker, and the one way the
// reader opens a paper: through the authenticated /file route, streamed with Range requests.
import type { PDFDocumentLoadingTask } from "pdfjs-dist";

export type Pdfjs = typeof import("pdfjs-dist");

let loading: Promise<Pdfjs> | null = null;

export function loadPdfjs(): Promise<Pdfjs> {
  loading ??= Promise.all([import("pdfjs-dist"), import("pdfjs-dist/build/pdf.worker.min.mjs?url")]).then(([pdfjs, worker]) => {
    pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
    return pdfjs;
  });
  return loading;
}

/** 256 KiB ranges: the first page of a long paper arrives after a couple of requests. */
export const RANGE_CHUNK_SIZE = 256 * 1024;

export async function openPdf(url: string): Promise<PDFDocumentLoadingTask> {
  const pdfjs = await loadPdfjs();
  return pdfjs.getDocument({
    url,
    withCredentials: true,
    rangeChunkSize: RANGE_CHUNK_SIZE,
    disableAutoFetch: true,
    disableStream: false,
    isEvalSupported: false,
    enableXfa: false,
  });
}

/** CSS pixels per PDF point: zoom 1 shows the page at its printed size. */
export const PDF_TO_CSS = 96 / 72;
