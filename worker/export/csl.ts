// CSL-JSON (the input format of citeproc, Zotero, Pandoc) for papers that have a title. Only
// variables of the CSL data schema appear, so strict validators accept every item.
import { paperUrl, type ExportDoc } from "./bibtex";
import { splitName } from "./names";

export type CslName = { family: string; given?: string; "non-dropping-particle"?: string; suffix?: string } | { literal: string };

export interface CslItem {
  id: string;
  type: "article-journal" | "article" | "manuscript";
  title: string;
  author?: CslName[];
  issued?: { "date-parts": [[number]] };
  DOI?: string;
  URL?: string;
  abstract?: string;
  keyword?: string;
  note?: string;
  publisher?: string;
  number?: string;
}

export function cslName(raw: string): CslName {
  const name = splitName(raw);
  if ("literal" in name) return { literal: name.literal };
  return {
    family: name.family,
    ...(name.given ? { given: name.given } : {}),
    ...(name.particle ? { "non-dropping-particle": name.particle } : {}),
    ...(name.suffix ? { suffix: name.suffix } : {}),
  };
}

export function cslItem(doc: ExportDoc & { title: string }, key: string): CslItem {
  const item: CslItem = {
    id: key,
    // A DOI means it was published; an arXiv id alone is a preprint ("article" in CSL).
    type: doc.doi ? "article-journal" : doc.arxivId ? "article" : "manuscript",
    title: doc.title,
  };
  if (doc.authors.length > 0) item.author = doc.authors.map(cslName);
  if (doc.year) item.issued = { "date-parts": [[doc.year]] };
  if (doc.doi) item.DOI = doc.doi;
  const url = paperUrl(doc);
  if (url) item.URL = url;
  if (doc.abstract) item.abstract = doc.abstract;
  if (doc.tags.length > 0) item.keyword = doc.tags.join(", ");
  if (doc.arxivId) {
    item.note = `arXiv: ${doc.arxivId}`;
    if (!doc.doi) Object.assign(item, { publisher: "arXiv", number: doc.arxivId });
  }
  return item;
}

export function toCsl(docs: ExportDoc[], keys: Map<string, string>): CslItem[] {
  return docs.flatMap((doc) => (doc.title ? [cslItem({ ...doc, title: doc.title }, keys.get(doc.id)!)] : []));
}
