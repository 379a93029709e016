import { extractMetadata, FIRST_PAGES, LAYOUT_PAGES } from "../../worker/papers/metadata";
import { extractPages, openPdf, classifyParseError } from "../../worker/papers/parse";
import { extractReferences, LAST_PAGES } from "../../worker/papers/references";

// POST a PDF body → the metadata and references, computed from exactly the pages the queue
// consumer would hand over (the first pages with layout, the last pages as text).
// ?dump=1 also returns those pages so heuristics can be studied offline.
export default {
  async fetch(request: Request): Promise<Response> {
    if (request.method !== "POST") return new Response("POST a PDF body", { status: 405 });
    const dump = new URL(request.url).searchParams.has("dump");
    const bytes = new Uint8Array(await request.arrayBuffer());
    const t0 = performance.now();
    try {
      const pdf = await openPdf(bytes, { maxPages: 2000 });
      try {
        const firstPages = await extractPages(pdf, 1, FIRST_PAGES, { layoutPages: LAYOUT_PAGES });
        const lastFrom = Math.max(1, pdf.numPages - LAST_PAGES + 1);
        const lastPages = await extractPages(pdf, lastFrom, pdf.numPages, { layoutPages: [] });
        const t1 = performance.now();
        const metadata = extractMetadata({ firstPages, info: pdf.info, xmp: pdf.xmp, numPages: pdf.numPages });
        const references = extractReferences(lastPages);
        return Response.json({
          ok: true,
          numPages: pdf.numPages,
          extractMs: t1 - t0,
          heuristicsMs: performance.now() - t1,
          metadata,
          references,
          ...(dump ? { dump: { info: pdf.info, xmp: pdf.xmp, firstPages, lastPages } } : {}),
        });
      } finally {
        await pdf.close();
      }
    } catch (err) {
      return Response.json({ ok: false, error: classifyParseError(err) });
    }
  },
};
