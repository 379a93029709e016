// Where a highlight sits: page-relative rectangles (fractions of the page), the quoted text and
// 32 characters either side. Rects place it at any zoom; the quote re-finds it when the text
// layer has moved; neither matching makes it an orphan.
import { offsetOf, rangeFor, type TextIndex } from "./text-index";

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Anchor {
  start: number;
  end: number;
  quote: string;
  prefix: string;
  suffix: string;
}

export const CONTEXT_CHARS = 32;

const clamp01 = (n: number) => Math.min(1, Math.max(0, n));
const round = (n: number) => Math.round(n * 1e5) / 1e5;

/** Client rects of a range as fractions of the page box, one rect per line. */
export function rectsOf(range: Range, page: DOMRect): Rect[] {
  const raw = [...range.getClientRects()]
    .filter((r) => r.width > 0.5 && r.height > 0.5)
    .map((r) => ({ x: (r.left - page.left) / page.width, y: (r.top - page.top) / page.height, w: r.width / page.width, h: r.height / page.height }));
  return mergeLines(raw).map((r) => {
    const x = clamp01(r.x);
    const y = clamp01(r.y);
    return { x: round(x), y: round(y), w: round(clamp01(r.x + r.w) - x), h: round(clamp01(r.y + r.h) - y) };
  });
}

/** Rects whose vertical middles overlap are one line: union them. */
export function mergeLines(rects: Rect[]): Rect[] {
  const sorted = [...rects].sort((a, b) => a.y + a.h / 2 - (b.y + b.h / 2) || a.x - b.x);
  const lines: Rect[] = [];
  for (const r of sorted) {
    const mid = r.y + r.h / 2;
    const line = lines.find((l) => mid > l.y && mid < l.y + l.h);
    if (!line) {
      lines.push({ ...r });
      continue;
    }
    const x1 = Math.min(line.x, r.x);
    const y1 = Math.min(line.y, r.y);
    line.w = Math.max(line.x + line.w, r.x + r.w) - x1;
    line.h = Math.max(line.y + line.h, r.y + r.h) - y1;
    line.x = x1;
    line.y = y1;
  }
  return lines;
}

export function anchorAt(index: TextIndex, start: number, end: number): Anchor {
  const t = index.text;
  return {
    start,
    end,
    quote: t.slice(start, end),
    prefix: t.slice(Math.max(0, start - CONTEXT_CHARS), start),
    suffix: t.slice(end, end + CONTEXT_CHARS),
  };
}

/** The selected text of a page as an anchor, or null when the selection is not on its text. */
export function anchorFromRange(index: TextIndex, range: Range): Anchor | null {
  const a = offsetOf(index, range.startContainer, range.startOffset);
  const b = offsetOf(index, range.endContainer, range.endOffset);
  if (a === null || b === null) return null;
  let start = Math.min(a, b);
  let end = Math.max(a, b);
  while (start < end && /\s/.test(index.text[start]!)) start++;
  while (end > start && /\s/.test(index.text[end - 1]!)) end--;
  return end > start ? anchorAt(index, start, end) : null;
}

function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}
function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** Every place the quote occurs (whitespace-insensitive), best prefix/suffix match first. */
export function findQuote(text: string, quote: string, prefix: string, suffix: string): { start: number; end: number } | null {
  const words = quote.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return null;
  const pattern = new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("\\s*"), "g");
  let best: { start: number; end: number; score: number } | null = null;
  for (const m of text.matchAll(pattern)) {
    const start = m.index;
    const end = start + m[0].length;
    const score = commonSuffix(text.slice(Math.max(0, start - prefix.length), start), prefix) + commonPrefix(text.slice(end, end + suffix.length), suffix);
    if (!best || score > best.score) best = { start, end, score };
  }
  return best && { start: best.start, end: best.end };
}

/** Do the stored rects still cover where the quote is now? */
export function rectsAgree(stored: Rect[], found: Rect[]): boolean {
  if (found.length === 0) return false;
  const tolerance = 0.01;
  return found.every((f) =>
    stored.some((s) => f.x + tolerance >= s.x - tolerance && f.y + f.h / 2 > s.y - tolerance && f.y + f.h / 2 < s.y + s.h + tolerance && f.x + f.w <= s.x + s.w + 2 * tolerance),
  );
}

export type Placement = { kind: "rects"; rects: Rect[] } | { kind: "orphan" };

/**
 * Where to draw a highlight on a page whose text layer is ready: the stored rects when the
 * quote is still under them, rects of the re-found quote when the text moved, else orphan.
 */
export function place(index: TextIndex, pageBox: DOMRect, a: { quote: string; prefix: string; suffix: string; rects: Rect[] }): Placement {
  if (!a.quote.trim()) return { kind: "rects", rects: a.rects };
  const hit = findQuote(index.text, a.quote, a.prefix, a.suffix);
  if (!hit) return { kind: "orphan" };
  const range = rangeFor(index, hit.start, hit.end);
  const found = range ? rectsOf(range, pageBox) : [];
  if (found.length === 0) return { kind: "rects", rects: a.rects };
  return { kind: "rects", rects: rectsAgree(a.rects, found) ? a.rects : found };
}
