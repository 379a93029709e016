import { getDocumentProxy } from "unpdf";
import { classifyParseError, extractPages, hasText, openPdf, ParseFailure } from "../../worker/papers/parse";

// The naive page-by-page baseline from toolchain.md (no guard, CMaps, annotations or layout),
// timed in the same isolate so the bench can show what parse.ts adds on top of pdf.js itself.
async function naive(bytes: Uint8Array): Promise<Response> {
  const t0 = performance.now();
  const doc = await getDocumentProxy(bytes, { isEvalSupported: false, verbosity: 0 });
  const parts: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    for (const item of content.items) if ("str" in item) parts.push(item.str, item.hasEOL ? "\n" : "");
    parts.push("\n\f");
    page.cleanup();
  }
  const numPages = doc.numPages;
  await doc.destroy();
  return Response.json({ ok: true, ms: performance.now() - t0, numPages, text: parts.join("") });
}

// POST a PDF body → the extracted text and in-isolate timings (performance.now() advances
// during computation under local workerd, unlike Date.now()).
export default {
  async fetch(request: Request): Promise<Response> {
    if (request.method !== "POST") return new Response("POST a PDF body", { status: 405 });
    const bytes = new Uint8Array(await request.arrayBuffer());
    if (new URL(request.url).searchParams.get("mode") === "naive") return naive(bytes);
    const t0 = performance.now();
    let openMs = 0;
    try {
      const pdf = await openPdf(bytes, { maxPages: 2000 });
      openMs = performance.now() - t0;
      try {
        const pages = await extractPages(pdf, 1, pdf.numPages, { deadline: t0 + 120_000 });
        if (!hasText(pages)) {
          const error = classifyParseError(new ParseFailure("no_text", "No text could be extracted."));
          return Response.json({ ok: false, ms: performance.now() - t0, openMs, numPages: pdf.numPages, error });
        }
        return Response.json({
          ok: true,
          ms: performance.now() - t0,
          openMs,
          numPages: pdf.numPages,
          pageErrors: pages.filter((p) => p.error).length,
          text: pages.map((p) => p.text).join("\n\f"),
        });
      } finally {
        await pdf.close();
      }
    } catch (err) {
      return Response.json({ ok: false, ms: performance.now() - t0, openMs, error: classifyParseError(err) });
    }
  },
};
