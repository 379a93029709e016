import { cleanDoi, DOI_RE, plausibleYear, squash } from "./normalize";

// DOI, year and a best-effort title from one bibliography entry. Titles are found by shape:
// a quoted title, else the sentence after the authors (and after an ACM-style "2007." year).

const BRACKET_LABEL = /^\s*(?:\[|[Il1]-(?=\d))\s*[\w+.\-]{1,12}\s*\]\s*|^\s*\d{1,3}\.?\s+/;
const QUOTED = /[“"‘]([^”"’]{8,300}?)[,.]?\s*[”"’]/;
const YEAR_ONLY = /^\(?(?:19|20)\d{2}[a-z]?\)?$/;

function entryDoi(raw: string): string | null {
  for (const m of raw.matchAll(DOI_RE)) {
    const doi = cleanDoi(m[0]);
    if (doi) return doi;
  }
  return null;
}

function entryYear(raw: string, authorYear: boolean): number | null {
  const text = raw.replace(/\S*(?:10\.\d{4,9}\/|https?:\/\/|www\.)\S*/g, " ");
  const paren = /\((?:[^()]*?\s)?((?:19|20)\d{2})[a-z]?\b/.exec(text);
  if (paren && plausibleYear(Number(paren[1]))) return Number(paren[1]);
  const all = [...text.matchAll(/(?<![\d\-–])((?:19|20)\d{2})[a-z]?(?![\d\-–])/g)].map((m) => Number(m[1])).filter(plausibleYear);
  if (all.length === 0) return null;
  return authorYear ? all[0]! : all[all.length - 1]!;
}

// After an initial ("J."), the author list goes on if another initial, a surname ("Robson.",
// "Smith,") or "and" follows.
const MORE_AUTHORS = /^(\p{Lu}\.|\p{Lu}[\p{L}'’\-]+(?:,|\.|\s+(?:and|AND|&)\s+\p{Lu})|and\s|AND\s|&|[Ee][Tt] [Aa][Ll]\b)/u;
const ABBREVIATION = /^(vol|no|pp|ed|eds|proc|jr|sr|st|dr|inc|ltd|conf|int|symp|trans|univ|dept|rev|phys|comput)$/i;

/**
 * Sentences of an entry, split at ". " except after an abbreviation, or after an initial
 * that more authors follow ("Gil, J. Asynchronous …" ends the authors; "J. M. Smith" not).
 */
function sentences(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (const m of text.matchAll(/[.?!]\s+/g)) {
    const lastWord = (/(\S+)$/.exec(text.slice(start, m.index))?.[1] ?? "").replace(/^[(\[]/, "");
    const next = text.slice(m.index! + m[0].length);
    if (m[0].startsWith(".")) {
      if (ABBREVIATION.test(lastWord)) continue;
      const initial = /^(\p{Lu}|\p{Lu}\p{Ll}?|(\p{Lu}\.-?)+\p{Lu})$/u.test(lastWord);
      if (initial && MORE_AUTHORS.test(next)) continue;
    }
    out.push(squash(text.slice(start, m.index! + 1)));
    start = m.index! + m[0].length;
  }
  if (start < text.length) out.push(squash(text.slice(start)));
  return out.filter(Boolean);
}

// "Boden, M., 1990, The Creative Mind: … (London: …)." — the title follows the year.
const AFTER_YEAR = /^[^()\d]{2,200}?[\s,(]\(?(?:19|20)\d{2}[a-z]?\)?[.,:]\s+(.+)$/;

function firstClause(s: string): string {
  const cut = /\.\s|\?\s|\s\(|,\s+in[:\s]|\.\s*$/i.exec(s);
  return squash(cut ? s.slice(0, cut.index + (cut[0].startsWith("?") ? 1 : 0)) : s);
}

function entryTitle(raw: string, authorYear: boolean): string | null {
  const quoted = QUOTED.exec(raw);
  if (quoted) return squash(quoted[1]!).replace(/[,.]$/, "");
  const body = raw.replace(BRACKET_LABEL, "");
  const afterYear = authorYear ? AFTER_YEAR.exec(body) : null;
  if (afterYear) {
    const t = firstClause(afterYear[1]!);
    if (t.split(" ").length >= 2 && t.length <= 300) return t;
  }
  const parts = sentences(body);
  let i = 1; // parts[0] is the author list
  // Author-year styles: "Aitken, W. (1992). Title." or "Adya. 1999. Title."
  while (i < parts.length && YEAR_ONLY.test(parts[i]!.replace(/[.,]$/, ""))) i++;
  if (parts[0] && /\((?:19|20)\d{2}[a-z]?(?:,[^)]*)?\)\.?$/.test(parts[0])) i = Math.max(i, 1);
  const candidate = parts[i]?.replace(/[.,;:]$/, "").replace(/^in:?\s+/i, "");
  if (!candidate || candidate.split(" ").length < 2 || candidate.length > 300) return null;
  return candidate;
}

export function referenceFields(raw: string, authorYear: boolean): { doi: string | null; title: string | null; year: number | null } {
  return { doi: entryDoi(raw), title: entryTitle(raw, authorYear), year: entryYear(raw, authorYear) };
}
