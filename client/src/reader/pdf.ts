// pdf.js, loaded on first use as its own chunk together with its worker, and the one way the
// reader opens a paper: through the authenticated /file route, streamed with Range requests.
import type { PDFDocumentLoadingTask } from "pdfjs-dist";

export type Pdfjs = typeof import("pdfjs-dist");

let loading: Promise<Pdfjs> | null = null;

export function loadPdfjs(): Promise<Pdfjs> {
  loading ??= Promise.all([import("pdfjs-dist"), import("pdfjs-dist/build/pdf.worker.min.mjs?url").then((m) => warm(m.default))]).then(([pdfjs, url]) => {
    pdfjs.GlobalWorkerOptions.workerSrc = url;
    return pdfjs;
  });
  return loading;
}

/**
 * pdf.js only starts its worker when a paper is opened; fetching the script as soon as the reader
 * loads puts the largest file of the reader in the HTTP cache in parallel with pdf.js itself and
 * the paper's details, instead of after them.
 */
function warm(url: string): string {
  void fetch(url, { credentials: "same-origin" })
    .then((res) => res.arrayBuffer())
    .catch(() => undefined);
  return url;
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
