import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { classifyParseError, parsePdf, type ParseErrorCode } from "../../worker/papers/parse";

// The parse engine (worker/papers/parse.ts) over ../shared/corpus, inside workerd. The files are
// read through the CORPUS service binding (test/corpus-binding.mjs); where the binding or the
// corpus is absent these tests say so and do not run. Third-party papers never enter the repo.

interface Corpus {
  fetch(input: string): Promise<Response>;
}

const corpus = (env as unknown as { CORPUS?: Corpus }).CORPUS;
const available = corpus ? (await corpus.fetch("http://corpus/")).ok : false;
if (!available) {
  console.log(
    corpus
      ? "parse-corpus: ../shared/corpus is absent; the corpus tests did not run."
      : "parse-corpus: no CORPUS binding (see test/corpus-binding.mjs); the corpus tests did not run.",
  );
}

const MAX_PAGES = 2000;
const TIME_CAP_MS = 20_000;
const CODES: ParseErrorCode[] = ["encrypted", "malformed", "too_large", "no_text", "parse_error"];

async function text(name: string): Promise<string> {
  return available && corpus ? (await corpus.fetch(`http://corpus/${name}`)).text() : "";
}

function tsv(body: string): Record<string, string>[] {
  const [head, ...lines] = body.split("\n").filter((l) => l.length > 0);
  const cols = (head ?? "").split("\t");
  return lines.map((l) => Object.fromEntries(l.split("\t").map((v, i) => [cols[i] ?? `c${i}`, v])));
}

const manifest = tsv(await text("manifest.tsv"));
const labels = new Map(tsv(await text("labels.tsv")).map((r) => [r.file ?? "", r.notes ?? ""]));
const papers = manifest.filter((r) => r.file?.startsWith("papers/"));
const hostile = manifest.filter((r) => r.file?.startsWith("hostile/"));

async function bytesOf(file: string): Promise<Uint8Array> {
  // One retry: under load the Node-side binding has been seen to drop a connection.
  const get = () => corpus!.fetch(`http://corpus/${file}`);
  const res = await get().catch(get);
  expect(res.ok, `corpus file ${file}`).toBe(true);
  return new Uint8Array(await res.arrayBuffer());
}

describe.skipIf(!available)("parse engine over corpus/papers", () => {
  it.each(papers.map((r) => [r.file!, Number(r.pages)] as const))("%s: opens, %i pages, has text", async (file, pages) => {
    const bytes = await bytesOf(file);
    // A scan without a text layer (the labels say so) must end as no_text, having opened fine.
    if (/no text layer/i.test(labels.get(file) ?? "")) {
      await expect(parsePdf(bytes, { maxPages: MAX_PAGES })).rejects.toMatchObject({ code: "no_text" });
      return;
    }
    const parsed = await parsePdf(bytes, { maxPages: MAX_PAGES, timeCapMs: 60_000 });
    expect(parsed.numPages).toBe(pages);
    expect(parsed.pages).toHaveLength(pages);
    expect(parsed.pages.map((p) => p.text).join("").trim().length).toBeGreaterThan(0);
    expect(parsed.pages[0]?.items?.length ?? 0).toBeGreaterThan(0);
  });

  it("extracts CJK text set in a non-embedded font (needs the bundled CMaps)", async () => {
    const parsed = await parsePdf(await bytesOf("papers/pdfjs__issue6286.pdf"), { maxPages: MAX_PAGES });
    // labels.tsv: the page's only content is "Example text: 好酸球%(Eos)" twice.
    expect(parsed.pages[0]?.text.match(/好酸球/g)).toHaveLength(2);
  });
});

describe.skipIf(!available)("parse engine over corpus/hostile", () => {
  it.each(hostile.map((r) => [r.file!, r.note ?? ""] as const))("%s (%s): parses or fails with a code in time", async (file) => {
    const bytes = await bytesOf(file);
    const started = performance.now();
    let outcome: string;
    try {
      const parsed = await parsePdf(bytes, { maxPages: MAX_PAGES, timeCapMs: TIME_CAP_MS });
      outcome = `parsed ${parsed.numPages} pages`;
    } catch (err) {
      const { code, message } = classifyParseError(err);
      expect(CODES).toContain(code);
      expect(message.length).toBeGreaterThan(0);
      outcome = `${code}: ${message}`;
    }
    const elapsed = performance.now() - started;
    console.log(`${file}: ${outcome} (${elapsed.toFixed(0)} ms)`);
    // One page may overrun the cap (pdf.js cannot be interrupted inside a page), not by much.
    expect(elapsed).toBeLessThan(TIME_CAP_MS + 10_000);
  });

  it("refuses what the manifest says is encrypted with a user password, the bomb and the 20,000 pages", async () => {
    const codeOf = async (file: string) => {
      try {
        await parsePdf(await bytesOf(file), { maxPages: MAX_PAGES, timeCapMs: TIME_CAP_MS });
        return "parsed";
      } catch (err) {
        return classifyParseError(err).code;
      }
    };
    expect(await codeOf("hostile/syn__enc_aes256_userpw.pdf")).toBe("encrypted");
    expect(await codeOf("hostile/pdfjs__issue6010_1.pdf")).toBe("encrypted");
    expect(await codeOf("hostile/syn__flate_bomb_400MB_textops.pdf")).toBe("too_large");
    expect(await codeOf("hostile/syn__20000_pages.pdf")).toBe("too_large");
    expect(await codeOf("hostile/syn__empty_0_bytes.pdf")).toBe("malformed");
    expect(await codeOf("hostile/syn__html_renamed.pdf")).toBe("malformed");
    expect(await codeOf("hostile/syn__zero_pages.pdf")).toBe("no_text");
  });
});

// vitest refuses a file without tests; this one always runs and records whether the rest did.
it("corpus availability is reported", () => {
  expect(typeof available).toBe("boolean");
});
