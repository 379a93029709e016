import { cleanDoi, DOI_RE, plausibleYear, squash } from "./normalize";

// Identifiers and dates found in the text of the first pages. The reference list may start
// on page 2 of a short paper and is full of other papers' DOIs and years, so text after a
// references heading is cut off first.

const REFS_HEADING = /\n\s*(references|bibliography|literature cited|works cited)\s*\n/i;

export function beforeReferences(text: string): string {
  const m = REFS_HEADING.exec(text);
  return m ? text.slice(0, m.index) : text;
}

/** The paper's own DOI: one marked "DOI"/doi.org wins over a bare one; the first wins a tie. */
export function findDoi(texts: readonly string[]): string | null {
  let bare: string | null = null;
  for (const text of texts) {
    const body = beforeReferences(text).replace(/(10\.\d{4,9}\/\S*[-./])\n(?=[\da-z])/g, "$1"); // a DOI broken at a line end, not a DOI ending a sentence
    for (const m of body.matchAll(DOI_RE)) {
      const doi = cleanDoi(m[0]);
      if (!doi) continue;
      const before = body.slice(Math.max(0, m.index - 24), m.index);
      if (/(doi|doi\.org\/|dx\.doi\.org\/)\s*:?\s*$/i.test(before)) return doi;
      bare ??= doi;
    }
  }
  return bare;
}

// New style 2003.10554 (since 2007, YYMM.NNNNN), old style math/0501170 (archive/YYMMNNN).
const ARXIV_NEW = /\barxiv\s*:\s*(\d{4}\.\d{4,5})(v\d+)?/i;
const ARXIV_OLD = /\barxiv\s*:\s*([a-z-]+(?:\.[A-Z]{2})?\/\d{7})(v\d+)?/i;

/** Only the stamp or "arXiv:" line of the paper itself: page 1, outside its references. */
export function findArxivId(page1: string): string | null {
  const text = beforeReferences(page1);
  return ARXIV_NEW.exec(text)?.[1] ?? ARXIV_OLD.exec(text)?.[1] ?? null;
}

export function arxivYear(id: string): number | null {
  const yy = /(?:^|\/)(\d{2})\d{2}/.exec(id)?.[1];
  if (!yy) return null;
  const n = Number(yy);
  return n >= 91 ? 1900 + n : 2000 + n;
}

const MONTH =
  "(?:jan(?:uary|vier)?|feb(?:ruary)?|f[ée]vrier|mar(?:ch|s)?|apr(?:il)?|avril|may|mai|june?|juin|july?|juillet|aug(?:ust)?|ao[ûu]t|sep(?:t(?:ember)?)?|septembre|oct(?:ober|obre)?|nov(?:ember|embre)?|dec(?:ember)?|d[ée]cembre)\\.?";
const Y = "((?:19|20)\\d{2})";

// Patterns for the paper's own date, strongest first. Each yields the year in group 1.
const YEAR_PATTERNS: { re: RegExp; score: number }[] = [
  { re: new RegExp(`(?:©|\\(c\\)|copyright)\\s*${Y}(?!\\s*[-–]\\s*\\d)`, "gi"), score: 8 },
  { re: new RegExp(`(?:©|\\(c\\)|copyright)\\s*${Y}\\s*[-–]\\s*\\d{4}`, "gi"), score: 4 }, // a template's own range
  { re: new RegExp(`\\b(?:conference|symposium|workshop|congress|proceedings)\\b[^.;]{0,60}?\\b${Y}\\b`, "gi"), score: 6 },
  { re: new RegExp(`(?:published|publication date|received|accepted|dated?|draft(?: version)?)\\s*(?:in|on)?\\s*:?\\s*(?:\\d{1,2}\\s+)?(?:${MONTH}\\s+)?(?:\\d{1,2},?\\s+)?${Y}`, "gi"), score: 7 },
  // Conference names: "PLDI'09", "SIGGRAPH '93", "OSDI 2006", "ACACES 2014".
  { re: /\b[A-Z]{3,}[a-z]*\s?['’‘](\d{2})\b/g, score: 6 },
  { re: new RegExp(`\\b[A-Z]{3,}\\s${Y}\\b`, "g"), score: 6 },
  { re: new RegExp(`\\b${MONTH}\\s+(?:\\d{1,2},?\\s+)?${Y}\\b`, "gi"), score: 5 },
  { re: new RegExp(`\\b\\d{1,2}\\s+${MONTH}\\s+${Y}\\b`, "gi"), score: 5 },
  { re: new RegExp(`\\(${Y}\\)`, "g"), score: 3 },
];

/** Candidate years with a score; the caller adds the arXiv year. Two-digit years become 19xx/20xx. */
export function findYear(texts: readonly string[], doi: string | null): number | null {
  const scores = new Map<number, number>();
  const add = (y: number, s: number) => plausibleYear(y) && scores.set(y, Math.max(scores.get(y) ?? 0, s));
  texts.forEach((raw, pageIndex) => {
    const text = squash(beforeReferences(raw));
    const weight = pageIndex === 0 ? 1 : 0.5; // later pages: citations in the body are likelier
    for (const { re, score } of YEAR_PATTERNS) {
      for (const m of text.matchAll(re)) {
        let y = Number(m[1]);
        if (y < 100) y += y > (new Date().getUTCFullYear() % 100) + 1 ? 1900 : 2000;
        add(y, score * weight);
      }
    }
    if (doi) {
      // Years printed next to the DOI (the citation line of the paper itself), not inside it.
      const at = text.indexOf(doi);
      const near = at < 0 ? "" : `${text.slice(Math.max(0, at - 250), at)} ${text.slice(at + doi.length, at + doi.length + 80)}`;
      for (const m of near.matchAll(new RegExp(`\\(${Y}\\)`, "g"))) add(Number(m[1]), 7 * weight);
      for (const m of near.matchAll(new RegExp(`\\b${Y}\\b`, "g"))) add(Number(m[1]), 4 * weight);
    }
    if (pageIndex === 0) {
      // A year standing alone in the running head ("acm | ... 1993").
      const head = raw.split("\n").slice(0, 3).join(" ");
      for (const m of head.matchAll(new RegExp(`(?:^|\\s)${Y}(?=\\s|$)`, "g"))) add(Number(m[1]), 4);
    }
  });
  let best: [number, number] | null = null;
  for (const [y, s] of scores) if (!best || s > best[1] || (s === best[1] && y > best[0])) best = [y, s];
  return best && best[1] >= 3 ? best[0] : null;
}

const ABSTRACT_HEAD = /(?:^|\n)\s*(?:abstract|a\s?b\s?s\s?t\s?r\s?a\s?c\s?t|summary)\s*[.:—–-]?\s*/i;
const ABSTRACT_END =
  /\n\s*(?:keywords?|key\s?words|index terms|ccs concepts|categories and subject|general terms|acm reference format|(?:1|i)\.?\s+introduction|introduction\s*\n)/i;

/** Text after an "Abstract" heading up to the next heading, cut at 3,000 characters. */
export function findAbstract(text: string): string | null {
  const head = ABSTRACT_HEAD.exec(text);
  if (!head) return null;
  const rest = text.slice(head.index + head[0].length);
  const end = ABSTRACT_END.exec(rest);
  const body = squash(rest.slice(0, end ? end.index : 3000)).slice(0, 3000);
  return body.length >= 40 ? body : null;
}
