import { CMAP_DATA } from "./pdfjs-data/cmaps.generated";
import { STANDARD_FONT_DATA } from "./pdfjs-data/fonts.generated";

// unpdf only points pdf.js at its CMap and standard-font files under Node. Inside workerd there
// is no file system and no URL to fetch them from, so without this factory a CJK font that is
// not embedded loses all its text. pdf.js (5.6) constructs `BinaryDataFactory` itself and calls
// `fetch({ kind, filename })` only for the files a document asks for; the data is bundled as
// base64 thunks (see pdfjs-data/generate.mjs) and decoded here on first use.

type DataKind = "cMapUrl" | "standardFontDataUrl" | "wasmUrl";

const decoded = new Map<string, Uint8Array>();

function base64ToBytes(b64: string): Uint8Array {
  const fromBase64 = (Uint8Array as unknown as { fromBase64?: (s: string) => Uint8Array }).fromBase64;
  if (fromBase64) return fromBase64(b64);
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

function lookup(kind: DataKind, filename: string): Uint8Array | null {
  const table = kind === "cMapUrl" ? CMAP_DATA : kind === "standardFontDataUrl" ? STANDARD_FONT_DATA : null;
  const thunk = table && Object.hasOwn(table, filename) ? table[filename] : undefined;
  if (!thunk) return null;
  const key = `${kind}:${filename}`;
  let bytes = decoded.get(key);
  if (!bytes) {
    bytes = base64ToBytes(thunk());
    decoded.set(key, bytes);
  }
  // pdf.js may transfer the buffer it receives to its worker side: hand out a copy.
  return bytes.slice();
}

export class BundledPdfDataFactory {
  // pdf.js passes { cMapUrl, standardFontDataUrl, wasmUrl }; nothing here needs them.
  constructor(_options?: unknown) {}

  async fetch({ kind, filename }: { kind: DataKind; filename: string }): Promise<Uint8Array> {
    const bytes = lookup(kind, filename);
    if (!bytes) throw new Error(`No bundled pdf.js ${kind} data named ${filename}`);
    return bytes;
  }
}

/** The getDocument options that route CMap and font requests to the bundled data. */
export const bundledDataOptions = {
  BinaryDataFactory: BundledPdfDataFactory,
  // false makes pdf.js ask the factory instead of fetch()ing the URLs below itself.
  useWorkerFetch: false,
  // Non-null so pdf.js treats the data as available; the factory ignores them.
  cMapUrl: "bundled://cmaps/",
  cMapPacked: true,
  standardFontDataUrl: "bundled://standard_fonts/",
} as const;
