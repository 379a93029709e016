// Citekeys for BibTeX and CSL ids: surname + year + first significant title word
// ("vaswani2017attention"). Collisions get a, b, c… in the order papers entered the project,
// so an older paper keeps its key when a newer one arrives.
import { asciiFold, splitName } from "./names";

export interface KeySource {
  id: string;
  createdAt: string;
  title: string | null;
  authors: string[];
  year: number | null;
  filename: string;
}

const STOPWORDS = new Set(
  ("a an the and or but nor of on in into onto to for from with without within by at as about above after " +
    "against among around before behind below between beyond during over under until upon via per toward towards " +
    "is are was were be been being am do does did has have had can could should would will may might must " +
    "this that these those it its we our us you your they their he she his her i my me " +
    "how what when where which who whom whose why not no yet so than then there here some any all each every " +
    "using use new vs versus part").split(" "),
);

function surname(authors: string[]): string {
  const first = authors[0];
  if (!first) return "anon";
  const name = splitName(first);
  const raw = "literal" in name ? name.literal.split(" ")[0]! : name.family;
  return asciiFold(raw) || "anon";
}

function firstWord(text: string): string | null {
  for (const word of text.split(/[^\p{L}\p{N}'’]+/u)) {
    const folded = asciiFold(word);
    if (folded && !STOPWORDS.has(folded)) return folded;
  }
  return null;
}

/** The key before collisions are resolved. */
export function baseKey(doc: KeySource): string {
  const year = doc.year ? String(doc.year) : "nd";
  const word = (doc.title && firstWord(doc.title)) || firstWord(doc.filename.replace(/\.pdf$/i, "")) || "paper";
  return `${surname(doc.authors)}${year}${word}`;
}

/** "", "a", …, "z", "aa", "ab", … */
function suffix(n: number): string {
  let out = "";
  for (let i = n; i > 0; i = Math.floor((i - 1) / 26)) out = String.fromCharCode(97 + ((i - 1) % 26)) + out;
  return out;
}

/**
 * Unique keys for a whole project's papers. Assigned oldest first (createdAt, then id), so the
 * key an older paper got is never taken from it by a paper that arrives later.
 */
export function assignCitekeys(docs: KeySource[]): Map<string, string> {
  const ordered = [...docs].sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const used = new Set<string>();
  const keys = new Map<string, string>();
  for (const doc of ordered) {
    const base = baseKey(doc);
    let n = 0;
    while (used.has(base + suffix(n))) n++;
    const key = base + suffix(n);
    used.add(key);
    keys.set(doc.id, key);
  }
  return keys;
}
