import { getDocumentProxy } from "unpdf";
import { ParseFailure, classifyParseError, type ParseError } from "./classify-error";
import { bundledDataOptions } from "./pdf-data-factory";
import { assemblePageText, isTextItem, layoutItems, type LayoutItem, type RawTextItem } from "./page-text";
import { findInflationBomb } from "./stream-guard";

// The extraction engine the parse queue consumer calls: open once, then extract pages in
// chunks (one queue message per chunk), page by page, releasing each page as we go. Not
// unpdf's extractText, which starts every page at once and holds them all in memory.

export { classifyParseError, ParseFailure };
export type { LayoutItem, ParseError };
export type { ParseErrorCode } from "./classify-error";

type PdfDocument = Awaited<ReturnType<typeof getDocumentProxy>>;
type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface OpenPdfOptions {
  /** Documents with more pages fail as too_large (config MAX_PAGES, default 2,000). */
  maxPages: number;
  /** A Flate stream inflating past this fails the document as too_large before pdf.js sees it. */
  maxStreamBytes?: number;
}

export interface OpenedPdf {
  numPages: number;
  /** The Info dictionary as plain JSON (strings cut to a sane length). */
  info: Record<string, JsonValue>;
  /** XMP metadata, parsed by pdf.js into plain JSON (e.g. "dc:title"), or null. */
  xmp: Record<string, JsonValue> | null;
  /** pdf.js's proxy; pass the OpenedPdf to extractPages and close it when done. */
  readonly doc: PdfDocument;
  close(): Promise<void>;
}

export interface PageText {
  page: number;
  text: string;
  /** Positioned items, only for the pages listed in `layoutPages` (default: page 1). */
  items?: LayoutItem[];
  /** Set when this page alone could not be read; its text is then "". */
  error?: string;
}

export interface ExtractOptions {
  /** performance.now() value after which no further page is started (→ too_large). */
  deadline?: number;
  layoutPages?: readonly number[];
  /** A page with more text items than this is refused as too_large (a generated bomb). */
  maxItemsPerPage?: number;
}

const DEFAULT_MAX_STREAM_BYTES = 48 * 1024 * 1024;
const DEFAULT_MAX_ITEMS_PER_PAGE = 250_000;
const MAX_META_STRING = 2_000;

const now = () => performance.now();

function toJson(value: unknown, depth = 0): JsonValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value.slice(0, MAX_META_STRING);
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "boolean") return value;
  if (depth > 4) return null;
  if (Array.isArray(value)) return value.slice(0, 100).map((v) => toJson(v, depth + 1));
  if (typeof value === "object") {
    // pdf.js hands over PDF names as { name } objects; keep the name.
    const name = (value as { name?: unknown }).name;
    if (typeof name === "string" && Object.keys(value).length === 1) return name;
    const out: Record<string, JsonValue> = {};
    for (const [k, v] of Object.entries(value).slice(0, 100)) out[k] = toJson(v, depth + 1);
    return out;
  }
  return null;
}

async function readMetadata(doc: PdfDocument): Promise<Pick<OpenedPdf, "info" | "xmp">> {
  try {
    const { info, metadata } = await doc.getMetadata();
    const infoJson = toJson(info);
    const all = metadata ? (metadata as unknown as { getAll(): unknown }).getAll() : null;
    const xmpJson = all ? toJson(all) : null;
    return {
      info: infoJson && typeof infoJson === "object" && !Array.isArray(infoJson) ? infoJson : {},
      xmp: xmpJson && typeof xmpJson === "object" && !Array.isArray(xmpJson) ? xmpJson : null,
    };
  } catch {
    // Broken metadata must not fail a document whose pages are readable.
    return { info: {}, xmp: null };
  }
}

/**
 * Opens a PDF for page-by-page extraction. pdf.js takes over `bytes` (its buffer may be
 * detached afterwards). Throws ParseFailure or a pdf.js error: pass it to classifyParseError.
 */
export async function openPdf(bytes: Uint8Array, opts: OpenPdfOptions): Promise<OpenedPdf> {
  if (bytes.byteLength === 0) throw new ParseFailure("malformed", "The file is empty.");
  const maxStream = opts.maxStreamBytes ?? DEFAULT_MAX_STREAM_BYTES;
  const bomb = await findInflationBomb(bytes, maxStream);
  if (bomb) {
    throw new ParseFailure(
      "too_large",
      `A content stream at byte ${bomb.offset} inflates to more than ${Math.round(maxStream / 2 ** 20)} MB.`,
    );
  }

  const doc = await getDocumentProxy(bytes, {
    ...bundledDataOptions,
    isEvalSupported: false, // CVE-2024-4367: never compile font code from the file
    verbosity: 0, // warnings cost more than parsing on noisy files
    disableFontFace: true,
    useSystemFonts: true, // only Symbol/ZapfDingbats data is then requested
    fontExtraProperties: false,
    useWasm: false, // image decoders are never needed for text
    enableXfa: false,
    stopAtErrors: false,
  });
  try {
    const numPages = doc.numPages;
    if (numPages === 0) throw new ParseFailure("no_text", "The PDF has no pages.");
    if (numPages > opts.maxPages) {
      throw new ParseFailure("too_large", `The PDF has ${numPages} pages; the limit is ${opts.maxPages}.`);
    }
    const meta = await readMetadata(doc);
    return { numPages, ...meta, doc, close: () => doc.destroy() };
  } catch (err) {
    await doc.destroy();
    throw err;
  }
}

// Text drawn by annotations (a FreeText "To appear in OSDI 2006" banner, stamps, filled form
// fields) is not in the page's content stream; pdftotext shows it, so we keep it too. Asked for
// by type for the whole range at once: page.getAnnotations() also builds every Link, resolving
// named destinations, which cost a quarter of the text extraction time on hyperlinked papers.
const LINK = 2;
const POPUP = 16;
const TEXT_BEARING_TYPES = new Set(Array.from({ length: 26 }, (_, i) => i + 1).filter((t) => t !== LINK && t !== POPUP));

async function annotationTextByPage(doc: PdfDocument, first: number, last: number): Promise<Map<number, string>> {
  const byPage = new Map<number, string>();
  try {
    const skip = new Set<number>();
    for (let i = 0; i < doc.numPages; i++) if (i < first - 1 || i > last - 1) skip.add(i);
    const found = (await doc.getAnnotationsByType(TEXT_BEARING_TYPES, skip)) as unknown[] | null;
    for (const a of found ?? []) {
      const { pageIndex, textContent } = a as { pageIndex?: unknown; textContent?: unknown };
      if (typeof pageIndex !== "number" || !Array.isArray(textContent)) continue;
      const text = textContent.filter((l): l is string => typeof l === "string").join(" ").trim();
      if (!text) continue;
      const page = pageIndex + 1;
      const before = byPage.get(page);
      byPage.set(page, before ? `${before}\n${text}` : text);
    }
  } catch {
    // A broken annotation must not cost the pages their text.
  }
  return byPage;
}

function joinAnnotationText(text: string, extra: string): string {
  if (!extra) return text;
  return text ? `${text}\n${extra}` : extra;
}

/**
 * Extracts pages fromPage..toPage (1-based, inclusive) one at a time. A page that fails alone
 * is returned with `error` and empty text; if every page of the range fails, the first error is
 * thrown. The deadline is checked between pages: pdf.js cannot be interrupted inside one.
 */
export async function extractPages(
  pdf: OpenedPdf,
  fromPage: number,
  toPage: number,
  opts: ExtractOptions = {},
): Promise<PageText[]> {
  const layoutPages = opts.layoutPages ?? [1];
  const maxItems = opts.maxItemsPerPage ?? DEFAULT_MAX_ITEMS_PER_PAGE;
  const last = Math.min(toPage, pdf.numPages);
  const pages: PageText[] = [];
  let firstError: unknown = null;
  const annotations = await annotationTextByPage(pdf.doc, Math.max(1, fromPage), last);

  for (let n = Math.max(1, fromPage); n <= last; n++) {
    if (opts.deadline !== undefined && now() > opts.deadline) {
      throw new ParseFailure("too_large", `Parsing ran past its time cap at page ${n} of ${pdf.numPages}.`);
    }
    let page: Awaited<ReturnType<PdfDocument["getPage"]>> | null = null;
    try {
      page = await pdf.doc.getPage(n);
      const content = await page.getTextContent({ includeMarkedContent: false });
      if (content.items.length > maxItems) {
        throw new ParseFailure("too_large", `Page ${n} holds more than ${maxItems} pieces of text.`);
      }
      const items = content.items.filter(isTextItem) as RawTextItem[];
      const text = joinAnnotationText(assemblePageText(items), annotations.get(n) ?? "");
      const entry: PageText = { page: n, text };
      if (layoutPages.includes(n)) entry.items = layoutItems(items, n);
      pages.push(entry);
    } catch (err) {
      if (err instanceof ParseFailure) throw err;
      firstError ??= err;
      pages.push({ page: n, text: "", error: classifyParseError(err).message });
    } finally {
      // Drops the page's fonts and parsed resources so memory stays flat across a long document.
      page?.cleanup();
    }
  }
  if (firstError !== null && pages.every((p) => p.error !== undefined)) throw firstError;
  return pages;
}

export interface ParsedPdf {
  numPages: number;
  info: OpenedPdf["info"];
  xmp: OpenedPdf["xmp"];
  pages: PageText[];
}

/**
 * Whole-document convenience for small files, tests and the benchmark: opens, extracts every
 * page and applies the no_text rule. The queue consumer chunks with openPdf/extractPages instead.
 */
export async function parsePdf(
  bytes: Uint8Array,
  opts: OpenPdfOptions & { timeCapMs?: number; layoutPages?: readonly number[] },
): Promise<ParsedPdf> {
  const deadline = opts.timeCapMs === undefined ? undefined : now() + opts.timeCapMs;
  const pdf = await openPdf(bytes, opts);
  try {
    const pages = await extractPages(pdf, 1, pdf.numPages, { deadline, layoutPages: opts.layoutPages });
    if (!hasText(pages)) throw new ParseFailure("no_text", "No text could be extracted (a scan without a text layer?).");
    return { numPages: pdf.numPages, info: pdf.info, xmp: pdf.xmp, pages };
  } finally {
    await pdf.close();
  }
}

/** The no_text rule, for callers that extract in chunks: true once any page has a letter or digit. */
export function hasText(pages: readonly PageText[]): boolean {
  return pages.some((p) => /[\p{L}\p{N}]/u.test(p.text));
}
