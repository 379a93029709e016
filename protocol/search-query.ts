// Turns what a researcher types into an FTS5 query for the trigram index. The syntax: words
// (all must match), "an exact phrase", prefix*, OR, -word or NOT word. Anything else is taken as
// plain words, never as an error: every term is quoted, so FTS5 syntax in it is inert.
import { z } from "zod";

export const searchQuery = z.object({
  q: z.string().max(500).default(""),
  tag: z.string().trim().max(50).optional(),
  author: z.string().trim().max(200).optional(),
  year: z.coerce.number().int().min(1000).max(2100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export interface CompiledQuery {
  /** The FTS5 MATCH expression, or null when no term is long enough for trigrams. */
  match: string | null;
  /** Positive terms of 1–2 characters (trigrams cannot find them), matched as substrings. */
  likeTerms: string[];
  /** Every positive term, for highlighting in the client. */
  terms: string[];
}

const quote = (term: string) => `"${term.replaceAll('"', '""')}"`;
const long = (term: string) => [...term].length >= 3;

export function compileQuery(input: string): CompiledQuery {
  const groups: string[][] = [];
  const negatives: string[] = [];
  const likeTerms: string[] = [];
  const terms: string[] = [];
  let negateNext = false;
  let orNext = false;
  for (const match of input.matchAll(/"([^"]*)"?|(\S+)/g)) {
    const phrase = match[1] !== undefined;
    let term = (match[1] ?? match[2] ?? "").trim();
    if (!phrase && term === "OR") {
      orNext = groups.length > 0;
      continue;
    }
    if (!phrase && term === "NOT") {
      negateNext = true;
      continue;
    }
    let negative = negateNext;
    negateNext = false;
    if (!phrase && term.startsWith("-") && term.length > 1) {
      negative = true;
      term = term.slice(1);
    }
    if (!phrase) term = term.replace(/\*+$/, ""); // trigram matches substrings, so prefixes too
    term = term.replace(/\s+/g, " ");
    if (!term) continue;
    if (negative) {
      if (long(term)) negatives.push(quote(term));
      continue;
    }
    terms.push(term);
    if (!long(term)) {
      if (!orNext) likeTerms.push(term);
      orNext = false;
      continue;
    }
    if (orNext) groups[groups.length - 1]!.push(quote(term));
    else groups.push([quote(term)]);
    orNext = false;
  }
  let matchExpr = groups.map((g) => (g.length > 1 ? `(${g.join(" OR ")})` : g[0]!)).join(" AND ") || null;
  if (matchExpr && negatives.length) matchExpr = `(${matchExpr}) NOT (${negatives.join(" OR ")})`;
  return { match: matchExpr, likeTerms, terms };
}
