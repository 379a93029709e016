import { classifyParseError, extractPages, hasText, openPdf, ParseFailure } from "../../worker/papers/parse";

// POST a PDF body → the extracted text and in-isolate timings (performance.now() advances
// during computation under local workerd, unlike Date.now()).
export default {
  async fetch(request: Request): Promise<Response> {
    if (request.method !== "POST") return new Response("POST a PDF body", { status: 405 });
    const bytes = new Uint8Array(await request.arrayBuffer());
    const t0 = performance.now();
    let openMs = 0;
    try {
      const pdf = await openPdf(bytes, { maxPages: 2000 });
      openMs = performance.now() - t0;
      try {
        const pages = await extractPages(pdf, 1, pdf.numPages, { deadline: t0 + 120_000 });
        if (!hasText(pages)) throw new ParseFailure("no_text", "No text could be extracted.");
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
