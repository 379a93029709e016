import { referenceFields } from "./references-fields";
import { fixSpacedAccents } from "./normalize";

// The bibliography of a paper from the text of its last pages: find the section, split it
// into entries and read DOI, title and year from each. Entries come in three shapes:
// "[1] …" / "[Abr86] …" labels, "1. …" numbers, and unlabelled author-year entries whose
// first line starts with a surname ("Ambady, N., …").

/** How many trailing pages the consumer should hand over (bibliographies run long). */
export const LAST_PAGES = 30;
const MAX_ENTRIES = 1000;

export interface ReferenceEntry {
  index: number;
  raw: string;
  doi: string | null;
  title: string | null;
  year: number | null;
}

const HEADING =
  /^\s*(?:(?:\d+|[IVX]+|[A-Z])\.?\s+)?(references?|bibliography|bibliographie|literature cited|works cited|cited literature|literatur(?:verzeichnis)?|r\s?e\s?f\s?e\s?r\s?e\s?n\s?c\s?e\s?s)(?:\s+and\s+notes)?\s*[:.]?\s*$/i;
const SECTION_END =
  /^\s*(?:[A-Z]\.?\s+)?(appendix|appendices|annex|supplementary|index|acknowledge?ments?|about the authors?|biograph(?:y|ies)|reviewer|response to|table of contents)\b/i;
// "I-1]" and "1-3]" are how OCR reads "[1]" and "[3]" in scanned papers.
const BRACKET = /^\s*(?:\[|[Il1]-(?=\d))\s*([\w+.\-]{1,12})\s*\]\s*/;
const NUMBERED = /^\s*(\d{1,3})\.?\s+(?=\S)/;
const AUTHOR_START = /^\s*(?:\p{Lu}[\p{L}'’\-]+(?:\s(?:(?:van|von|de|der|la|le|da|di|del|dos|y)\s)?\p{Lu}[\p{L}'’\-]+)?,\s+(?:\p{Lu}\.|\p{Lu}[\p{L}'’\-]+)|\p{L}[\p{L}'’\-]+,\s+[\p{Lu}][\p{L}\-]*\.?[\s,;])/u;

/** Page numbers and running heads repeat on every page: dropped before splitting. */
function cleanLines(pages: readonly { text: string }[]): string[] {
  const edge = (p: { text: string }, at: "first" | "last") => {
    const lines = p.text.split("\n").filter((l) => l.trim());
    return (at === "first" ? lines[0] : lines[lines.length - 1])?.replace(/\d+/g, "#").trim() ?? "";
  };
  const heads = new Map<string, number>();
  for (const p of pages) for (const e of [edge(p, "first"), edge(p, "last")]) heads.set(e, (heads.get(e) ?? 0) + 1);
  const out: string[] = [];
  for (const p of pages) {
    const lines = p.text.split("\n").filter((l) => l.trim());
    lines.forEach((line, i) => {
      const atEdge = i === 0 || i === lines.length - 1;
      const key = line.replace(/\d+/g, "#").trim();
      if (/^\s*\d{1,4}\s*$/.test(line)) return;
      if (atEdge && key.length < 80 && (heads.get(key) ?? 0) >= 2 && !BRACKET.test(line)) return;
      out.push(line);
    });
  }
  return out;
}

type Style = "bracket" | "numbered" | "author";

function detectStyle(lines: readonly string[]): Style | null {
  const head = lines.slice(0, 8);
  if (head.some((l) => BRACKET.test(l))) return "bracket";
  if (head.some((l) => NUMBERED.exec(l)?.[1] === "1")) return "numbered";
  if (head.some((l) => AUTHOR_START.test(l))) return "author";
  return null;
}

/** Splits section lines into entries; each line either starts an entry or continues one. */
function splitEntries(lines: readonly string[], style: Style): string[][] {
  const entries: string[][] = [];
  let expected = 1;
  for (const line of lines) {
    if (SECTION_END.test(line) && entries.length > 0 && line.length < 60) break;
    let starts = false;
    if (style === "bracket") starts = BRACKET.test(line);
    else if (style === "numbered") {
      const n = Number(NUMBERED.exec(line)?.[1]);
      starts = n === expected; // a wrapped line starting "2007. …" is not entry 2007
      if (starts) expected++;
    } else {
      const prev = entries[entries.length - 1];
      const prevEnd = prev?.[prev.length - 1] ?? ".";
      starts = AUTHOR_START.test(line) && (/[.)\]]\s*$|\d\s*$/.test(prevEnd) || /\((?:19|20)\d{2}/.test(line));
    }
    if (starts || entries.length === 0) entries.push([line]);
    else entries[entries.length - 1]!.push(line);
    if (entries.length > MAX_ENTRIES) break;
  }
  return entries;
}

/** Joins an entry's lines: hyphenated words and DOIs/URLs broken at a line end are rejoined. */
function joinEntry(lines: readonly string[]): string {
  let out = "";
  for (const line of lines.map((l) => l.trim())) {
    if (!out) out = line;
    else if (/\p{Ll}-$/u.test(out) && /^\p{Ll}/u.test(line)) out = out.slice(0, -1) + line;
    else if (/\S*\/\S*[/._\-]$/.test(out)) out += line;
    else out += ` ${line}`;
  }
  return fixSpacedAccents(out).replace(/\s+/g, " ").trim();
}

/** Index of the first line after the last bibliography heading that is followed by entries. */
function findStart(lines: readonly string[]): number {
  for (let i = lines.length - 1; i >= 0; i--) {
    if (HEADING.test(lines[i]!) && detectStyle(lines.slice(i + 1)) !== null) return i + 1;
  }
  // No heading (some classes print none): the last "[1]" followed by a "[2]".
  for (let i = lines.length - 1; i >= 0; i--) {
    if (/^\s*\[1\]/.test(lines[i]!) && lines.slice(i + 1, i + 40).some((l) => /^\s*\[2\]/.test(l))) return i;
  }
  return -1;
}

export function extractReferences(lastPages: readonly { page: number; text: string }[]): ReferenceEntry[] {
  const pages = [...lastPages].sort((a, b) => a.page - b.page);
  const lines = cleanLines(pages);
  const start = findStart(lines);
  if (start < 0) return [];
  const section = lines.slice(start);
  const style = detectStyle(section);
  if (!style) return [];
  return splitEntries(section, style).map((entryLines, i) => {
    const raw = joinEntry(entryLines);
    return { index: i + 1, raw, ...referenceFields(raw, style === "author") };
  });
}

/** The newest year cited: a lower bound for the paper's own year when none is printed. */
export function newestReferenceYear(entries: readonly ReferenceEntry[]): number | null {
  const years = entries.map((e) => e.year).filter((y): y is number => y !== null);
  return years.length >= 3 ? Math.max(...years) : null;
}
