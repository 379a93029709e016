import type { LayoutItem } from "./page-text";
import { fixSpacedAccents, squash } from "./normalize";

// Page-1 layout → lines, and the title block found in them. pdf.js gives positioned runs of
// text; a title is a run of one or more lines in the largest font near the top that is not a
// running head, journal name, side stamp or cover-page boilerplate.

export interface Line {
  /** Baseline of the line's main (largest) item; PDF y grows upwards. */
  y: number;
  size: number;
  font: string;
  items: LayoutItem[];
}

/** Groups items into lines: largest items first, so superscripts attach to their line. */
export function buildLines(items: readonly LayoutItem[]): Line[] {
  const lines: Line[] = [];
  const bySize = [...items].sort((a, b) => b.fontSize - a.fontSize || b.str.length - a.str.length);
  for (const it of bySize) {
    if (!/\S/.test(it.str)) continue;
    // Capped: some producers scale text by the matrix, not the font, so sizes can read 120.
    const line = lines.find((l) => Math.abs(l.y - it.y) <= 0.45 * Math.min(l.size, 20));
    if (line) line.items.push(it);
    else lines.push({ y: it.y, size: it.fontSize, font: it.font, items: [it] });
  }
  for (const l of lines) {
    l.items.sort((a, b) => a.x - b.x);
    // The line's size is that of its largest word, so a drop cap or a big symbol does not
    // make a body line look like a title, nor a long affiliation in small type hide a name.
    const words = l.items.filter((it) => (it.str.match(/\p{L}/gu)?.length ?? 0) >= 3);
    const main = (words.length ? words : l.items).reduce((m, it) => (it.fontSize > m.fontSize ? it : m));
    l.size = main.fontSize;
    l.font = main.font;
  }
  return lines.sort((a, b) => b.y - a.y);
}

const MARKER = /^[\s\d,.;*∗†‡§¶?⋆\u2217\u22c6#]+$/u;

/**
 * The line's text split at wide horizontal gaps (columns of side-by-side author names).
 * Small raised items are footnote/affiliation marks: dropped, except letters glued to the
 * text before them when `keepGluedSmall` (a subscript inside a title: "a_b" → "ab").
 */
export function lineSegments(line: Line, keepGluedSmall: boolean, splitGap = 3): string[] {
  const segments: string[] = [];
  let cur = "";
  let prevEnd: number | null = null;
  for (const it of line.items) {
    const small = it.fontSize < 0.85 * line.size;
    const gap = prevEnd === null ? 0 : it.x - prevEnd;
    if (small && (!keepGluedSmall || MARKER.test(it.str) || gap > 0.06 * line.size)) continue;
    if (prevEnd !== null && gap > splitGap * line.size) {
      segments.push(cur);
      cur = "";
    } else if (prevEnd !== null && gap > 0.06 * line.size && !/\s$/.test(cur) && !/^\s/.test(it.str)) {
      cur += " ";
    }
    cur += it.str;
    prevEnd = it.x + it.w;
  }
  segments.push(cur);
  return segments.map((s) => squash(fixSpacedAccents(s))).filter((s) => s.length > 0);
}

export const lineText = (line: Line, keepGluedSmall = false): string =>
  lineSegments(line, keepGluedSmall).join(" ");

// Lines that are large and near the top but are not the title.
const NOT_TITLE: RegExp[] = [
  /^(the\s+)?(journal|proceedings|transactions|annals|bulletin|letters|working papers?)\b/i,
  /^(preprint|draft|under (consideration|review)|to appear|accepted|submitted|published|manuscript\b.{0,3}$)/i,
  /^\*?manuscript$/i,
  /arxiv:|\bdoi\b|https?:|www\.|\.(com|org|edu)\b|@/i,
  /^(copyright|©|\(c\))|\b(vol\.|volume|issn|isbn|pp\.)\s*\d/i,
  /^(downloaded|see discussions|citation|general rights|click here|please share|for more information)/i,
  /^(position|short|full|research|invited|extended|technical|student|poster|demo|workshop)\s+(paper|abstract|report|note)s?$/i,
  /^(abstract|contents|table of contents|references|bibliography|introduction|keywords)\b/i,
  /^\d+(\.\d+)*\.?\s+\p{Lu}/u, // a numbered section heading
  /^(version|v)\s?\d/i,
];

export function looksLikeTitleText(text: string): boolean {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  if (letters < 3) return false;
  if (!/\s/.test(text) && /\d/.test(text)) return false; // a code: "AIECE2022-0003"
  if (letters < 0.5 * text.replace(/\s/g, "").length) return false; // mostly digits/symbols
  const words = text.split(" ");
  if (words.length > 25) return false; // body text running across both columns
  // Text in a font without a usable encoding comes out as symbol soup: "D EGFIHKJ#UWV>XYH#F".
  const lettered = words.filter((w) => /\p{L}/u.test(w));
  const wordLike = lettered.filter((w) => /^[("“‘]?[\p{L}\d][\p{L}\d'’.+\-]*[)"”’:,;?!]?$/u.test(w));
  if (wordLike.length < 0.7 * lettered.length) return false;
  if ((text.match(/[#$%^*<>=\\{}|~\[\]_@]/g)?.length ?? 0) > 0.03 * text.length) return false;
  if (!/[aeiouyäöüéèáóíúâêîôû]/i.test(text)) return false;
  return !NOT_TITLE.some((re) => re.test(text));
}

export interface TitleBlock {
  title: string;
  /** Index in `lines` of the block's last line: authors are looked for below it. */
  lastIndex: number;
}

const MAX_TITLE_LINES = 5;

/** Largest-font text line that looks like a title, merged with its continuation lines. */
export function findTitle(lines: readonly Line[]): TitleBlock | null {
  // The title comes before the abstract; below it, body text in a slightly larger font
  // (a logo, a code run) must not win.
  const abstractAt = lines.findIndex((l) => /^(abstract|a b s t r a c t)\b/i.test(lineText(l)));
  let best = -1;
  lines.forEach((l, i) => {
    if (abstractAt > 0 && i >= abstractAt) return;
    if (!looksLikeTitleText(lineText(l, true))) return;
    if (best < 0 || l.size > lines[best]!.size + 0.05) best = i; // ties: the topmost wins
  });
  if (best < 0) return null;
  const head = lines[best]!;
  const joins = (a: Line, b: Line, upper: Line): "same" | "sub" | null => {
    const text = lineText(b, true).replace(/^[.\s,;:]+/, "");
    if (!looksLikeTitleText(text)) return null;
    const gap = upper.y - (upper === a ? b.y : a.y);
    if (gap <= 0 || gap > 2.2 * Math.max(a.size, b.size)) return null;
    const ratio = b.size / head.size;
    if (ratio >= 0.94 && ratio <= 1.06) return "same";
    if (ratio >= 0.88 && ratio <= 1.12 && b.font === head.font) return "same";
    // A subtitle in a smaller size of the same font ("Back to the Future" / "The Story of...").
    if (ratio >= 0.7 && ratio < 0.88 && b.font === head.font && upper === a) return "sub";
    return null;
  };
  let first = best;
  while (first > 0 && best - first < MAX_TITLE_LINES - 1 && joins(lines[first]!, lines[first - 1]!, lines[first - 1]!) === "same") first--;
  let last = best;
  const parts = lines.slice(first, best + 1).map((l) => lineText(l, true));
  while (last + 1 < lines.length && last - first < MAX_TITLE_LINES - 1) {
    const kind = joins(lines[last]!, lines[last + 1]!, lines[last]!);
    if (!kind) break;
    const text = lineText(lines[last + 1]!, true);
    if (kind === "sub" && !/[:.?!\u2014-]$/.test(parts[parts.length - 1]!)) parts[parts.length - 1] += ":";
    parts.push(text);
    last++;
  }
  const title = parts
    .map((p) => p.replace(/^[.\s,;:]+/, ""))
    .join(" ")
    .replace(/(\p{L})- (?=\p{L})/gu, "$1-")
    .replace(/\s+([:,])/g, "$1");
  return { title: squash(title), lastIndex: last };
}
