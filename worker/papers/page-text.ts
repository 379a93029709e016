// Turns one page's pdf.js text items into plain text. pdf.js already marks most line ends
// (hasEOL) and inserts spaces inside a run of text, but not across separate text objects: two
// BT…ET blocks on one line come out glued ("word1word2"), and a new line after a block without
// hasEOL is glued to the previous one. We look at each item's position to fill those gaps.
// A word broken by a hyphen at a line end is joined again ("com-\npile" → "compile"), as
// pdftotext does, so search finds it; the cost is that "high-\nperformance" also loses its hyphen.

/** The part of pdf.js's TextItem we read (pdf.js's own type is not exported by unpdf). */
export interface RawTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  fontName: string;
  hasEOL: boolean;
}

/** A compact positioned item, kept for the first pages so titles and authors can be found later. */
export interface LayoutItem {
  str: string;
  /** PDF user-space coordinates of the text origin (y grows upwards). */
  x: number;
  y: number;
  w: number;
  fontSize: number;
  /** pdf.js's id for the font: equal ids mean the same font within a document. */
  font: string;
  page: number;
}

export function isTextItem(item: unknown): item is RawTextItem {
  return typeof item === "object" && item !== null && typeof (item as RawTextItem).str === "string";
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const isSpace = (ch: string | undefined) => ch === undefined || ch === " " || ch === "\n" || ch === "\t";

function fontSizeOf(t: number[], height: number): number {
  const size = Math.hypot(t[2] ?? 0, t[3] ?? 0);
  return size > 0 ? size : height;
}

export function assemblePageText(items: readonly RawTextItem[]): string {
  const out: string[] = [];
  let last = ""; // last character written, to avoid doubling whitespace
  let prevEndX = 0;
  let prevY = 0;
  let prevSize = 0;
  let have = false;
  let brokeLine = true;

  const write = (s: string) => {
    if (s.length === 0) return;
    out.push(s);
    last = s[s.length - 1]!;
  };

  for (const item of items) {
    const t = item.transform;
    const x = t[4] ?? 0;
    const y = t[5] ?? 0;
    const size = fontSizeOf(t, item.height);
    const horizontal = (t[1] ?? 0) === 0 && (t[2] ?? 0) === 0;

    if (item.str.length > 0) {
      if (have && !brokeLine) {
        const lineTol = 0.5 * Math.max(size, prevSize, 1);
        if (horizontal && Math.abs(y - prevY) > lineTol) {
          if (last !== "\n") write("\n");
        } else if (!isSpace(last) && !isSpace(item.str[0])) {
          // Same line: a gap wider than a thin space, a jump backwards, or a raised/lowered
          // run (a footnote mark before an affiliation) separates words.
          const em = Math.max(size, prevSize, 1);
          const gap = x - prevEndX;
          const shifted = Math.abs(y - prevY) > 0.2 * em;
          if (!horizontal || shifted || gap > 0.12 * em || gap < -0.5 * em) write(" ");
        }
      }
      write(item.str);
      prevEndX = x + item.width;
      prevY = y;
      prevSize = size;
      have = true;
      brokeLine = false;
    }
    if (item.hasEOL) {
      if (have && last !== "\n") write("\n");
      brokeLine = true;
    }
  }
  return out
    .join("")
    .replace(/[ \t]+\n/g, "\n")
    .replace(/(\p{L})[-\u00ad\u2010]\n(?=\p{Ll})/gu, "$1")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

export function layoutItems(items: readonly RawTextItem[], page: number): LayoutItem[] {
  const kept: LayoutItem[] = [];
  for (const item of items) {
    if (item.str.trim().length === 0) continue;
    const t = item.transform;
    kept.push({
      str: item.str,
      x: round1(t[4] ?? 0),
      y: round1(t[5] ?? 0),
      w: round1(item.width),
      fontSize: round1(fontSizeOf(t, item.height)),
      font: item.fontName,
      page,
    });
  }
  return kept;
}
