// Opens the paper's PDF into the viewer once the reader mounts, lands on the deep-linked page,
// and destroys the pdf.js document (and its worker traffic) when the reader goes away.
import type { PDFDocumentLoadingTask } from "pdfjs-dist";
import { createSignal, onCleanup, onMount } from "solid-js";
import { openPdf } from "./pdf";
import type { Viewer } from "./viewer";

export type PdfState = "loading" | "ready" | "error";

export function usePdf(viewer: Viewer, url: string, initialPage: number) {
  const [state, setState] = createSignal<PdfState>("loading");
  const [error, setError] = createSignal<string | null>(null);
  const [progress, setProgress] = createSignal(0);
  let task: PDFDocumentLoadingTask | null = null;
  let disposed = false;

  async function load() {
    setState("loading");
    setError(null);
    try {
      task = await openPdf(url);
      if (disposed) return void task.destroy();
      task.onProgress = ({ loaded, total }: { loaded: number; total: number }) => total > 0 && setProgress(loaded / total);
      const pdf = await task.promise;
      if (disposed) return;
      await viewer.open(pdf);
      setState("ready");
      // Pages are in the DOM on the next frame; then land on the deep-linked page.
      requestAnimationFrame(() => {
        if (initialPage > 1) viewer.scrollToPage(initialPage);
      });
    } catch (e) {
      if (disposed) return;
      const name = (e as { name?: string }).name;
      setError(
        name === "PasswordException"
          ? "This PDF is password-protected, so it cannot be shown here."
          : name === "InvalidPDFException"
            ? "This file could not be read as a PDF."
            : "The paper could not be loaded. Check your connection and try again.",
      );
      setState("error");
    }
  }

  onMount(() => void load());
  onCleanup(() => {
    disposed = true;
    void task?.destroy();
  });

  return { state, error, progress, retry: () => void load() };
}
