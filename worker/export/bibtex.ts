// BibTeX for a set of papers (api.md §Export). Text fields are LaTeX-escaped so every brace in
// the output is one we opened; non-ASCII stays UTF-8 (biber and modern BibTeX read it).
import type { KeySource } from "./citekeys";
import { splitName } from "./names";

export interface ExportDoc extends KeySource {
  doi: string | null;
  arxivId: string | null;
  abstract: string | null;
  tags: string[];
}

const LATEX: Record<string, string> = {
  "\\": "\\textbackslash{}",
  "{": "\\{",
  "}": "\\}",
  "&": "\\&",
  "%": "\\%",
  $: "\\$",
  "#": "\\#",
  _: "\\_",
  "~": "\\textasciitilde{}",
  "^": "\\textasciicircum{}",
};

/** Escapes LaTeX's special characters and folds whitespace (a field is one line). */
export function latexEscape(s: string): string {
  return s.replace(/\s+/g, " ").trim().replace(/[\\{}&%$#_~^]/g, (c) => LATEX[c]!);
}

/** "BERT", "LaTeX", "3D" but not "Attention" or "(Deep": a capital after the first letter. */
const hasInnerCapital = (segment: string) => /\p{Lu}/u.test([...segment.replace(/^[^\p{L}\p{N}]+/u, "")].slice(1).join(""));

/**
 * Protects capitalisation that styles must not change: words with a capital after their first
 * letter ("BERT", "LaTeX", "McDonald") are braced; plain Title Case words are left to the style.
 */
export function bibtexTitle(title: string): string {
  return title
    .replace(/\s+/g, " ")
    .trim()
    .split(" ")
    .map((word) => {
      const escaped = latexEscape(word);
      if (!word.split(/[-\u2010-\u2015]/).some(hasInnerCapital)) return escaped;
      // A group that opens with a backslash is a "special character" to BibTeX; nest one more.
      return escaped.startsWith("\\") ? `{{${escaped}}}` : `{${escaped}}`;
    })
    .join(" ");
}

/** A name part: escaped, and a lone "and" braced so BibTeX does not split the list there. */
const namePart = (s: string) => latexEscape(s).replace(/\band\b/gi, (m) => `{${m}}`);

export function bibtexAuthor(raw: string): string {
  const name = splitName(raw);
  if ("literal" in name) return `{${latexEscape(name.literal)}}`;
  const family = (name.particle ? `${namePart(name.particle)} ` : "") + namePart(name.family);
  return name.suffix ? `${family}, ${namePart(name.suffix)}, ${namePart(name.given)}` : `${family}, ${namePart(name.given)}`;
}

/** Fields read verbatim (doi, url, eprint) only need their braces and backslashes kept out. */
const verbatim = (s: string) => s.trim().replace(/[{}\\\s]/g, (c) => encodeURIComponent(c));

export function paperUrl(doc: Pick<ExportDoc, "doi" | "arxivId">): string | null {
  if (doc.doi) return `https://doi.org/${doc.doi}`;
  if (doc.arxivId) return `https://arxiv.org/abs/${doc.arxivId}`;
  return null;
}

/** Old-style arXiv ids carry their subject class: "hep-th/9901001" → "hep-th". */
const arxivClass = (id: string) => /^([a-z-]+(?:\.[A-Z]{2})?)\/\d{7}/.exec(id)?.[1] ?? null;

export function bibtexEntry(doc: ExportDoc, key: string): string {
  const fields: [string, string][] = [];
  if (doc.authors.length > 0) fields.push(["author", doc.authors.map(bibtexAuthor).join(" and ")]);
  if (doc.title) fields.push(["title", bibtexTitle(doc.title)]);
  else fields.push(["note", `File: ${latexEscape(doc.filename)}`]);
  if (doc.year) fields.push(["year", String(doc.year)]);
  if (doc.doi) fields.push(["doi", verbatim(doc.doi)]);
  if (doc.arxivId) {
    fields.push(["eprint", verbatim(doc.arxivId)], ["archivePrefix", "arXiv"]);
    const primary = arxivClass(doc.arxivId);
    if (primary) fields.push(["primaryClass", primary]);
  }
  const url = paperUrl(doc);
  if (url) fields.push(["url", verbatim(url)]);
  if (doc.abstract) fields.push(["abstract", latexEscape(doc.abstract)]);
  // Escaped like any text: biblatex copies keywords into the .bbl, where a bare % or & breaks.
  if (doc.tags.length > 0) fields.push(["keywords", doc.tags.map(latexEscape).join(", ")]);
  const body = fields.map(([name, value]) => `  ${name} = {${value}}`).join(",\n");
  return `@${doc.doi ? "article" : "misc"}{${key},\n${body}\n}\n`;
}

export function toBibtex(docs: ExportDoc[], keys: Map<string, string>): string {
  return docs.map((doc) => bibtexEntry(doc, keys.get(doc.id)!)).join("\n");
}
