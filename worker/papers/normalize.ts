// Small text normalisers shared by metadata and reference extraction. Titles are compared
// across papers (a reference entry against another paper's title), so both sides must go
// through the same normalizeTitle.

const COMBINING: Record<string, string> = {
  "\u00b4": "\u0301", // ´ acute
  "`": "\u0300",
  "\u02dc": "\u0303", // ˜ tilde
  "~": "\u0303",
  "\u00a8": "\u0308", // ¨ diaeresis
  "\u02c6": "\u0302", // ˆ circumflex
  "^": "\u0302",
  "\u00b8": "\u0327", // ¸ cedilla
  "\u02c7": "\u030c", // ˇ caron
  "\u02da": "\u030a", // ˚ ring
};

/**
 * Old TeX fonts draw accents as separate glyphs before the letter, so pdf.js returns
 * "Jo˜ ao Leit˜ ao" or "Lu´ ıs" for "João Leitão", "Luís". Puts the accent back on its letter.
 */
export function fixSpacedAccents(s: string): string {
  return s
    .replace(/([\u00b4`\u02dc\u00a8\u02c6\u00b8\u02c7\u02da])\s?([\p{L}])/gu, (_m, acc: string, ch: string) => {
      const base = ch === "\u0131" ? "i" : ch; // dotless i carries the accent in TeX fonts
      return (base + COMBINING[acc]).normalize("NFC");
    })
    .normalize("NFC");
}

/** Lowercase, no accents, no punctuation, single spaces: the key for matching titles. */
export function normalizeTitle(s: string): string {
  return fixSpacedAccents(s)
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[\u2010-\u2015-]/g, " ") // hyphens separate words: "peer-to-peer" = "peer to peer"
    .replace(/[^\p{L}\p{N}\s]+/gu, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** Collapses runs of whitespace (including newlines) to one space. */
export const squash = (s: string): string => s.replace(/\s+/g, " ").trim();

// A DOI is "10." + registrant + "/" + suffix; the suffix may hold almost anything but spaces.
export const DOI_RE = /\b10\.\d{4,9}\/[^\s"<>{}]+/g;

/**
 * Canonical DOI or null: "DOI:" and resolver prefixes dropped, trailing punctuation that
 * belongs to the sentence removed, placeholders ("10.1145/XXXXXXX.XXXXXXX") rejected.
 * The suffix keeps its case (DOIs are case-insensitive; compare with toLowerCase()).
 */
export function cleanDoi(raw: string): string | null {
  const m = /10\.\d{4,9}\/[^\s"<>{}]+/.exec(raw);
  if (!m) return null;
  let doi = m[0];
  for (;;) {
    const before = doi;
    doi = doi.replace(/[.,;:'"\u2019\u201d]+$/, "");
    // A closing bracket belongs to the DOI only if the DOI opened one: "10.1002/(SICI)1097".
    if (/[)\]]$/.test(doi)) {
      const open = doi.endsWith(")") ? "(" : "[";
      const close = doi.endsWith(")") ? ")" : "]";
      if (doi.split(open).length < doi.split(close).length) doi = doi.slice(0, -1);
    }
    if (doi === before) break;
  }
  const suffix = doi.slice(doi.indexOf("/") + 1);
  if (suffix.length < 2 || /x{4,}/i.test(suffix) || !/[\p{L}\p{N}]/u.test(suffix)) return null;
  return doi;
}

/** The latest year a document can carry: next year, since papers are dated ahead of print. */
export const maxYear = (): number => new Date().getUTCFullYear() + 1;

export function plausibleYear(y: number): boolean {
  return y >= 1900 && y <= maxYear();
}
