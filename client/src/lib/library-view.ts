// Filtering and sorting the loaded papers on the client, so the table answers as you type.
import type { DocumentDto, DocumentStatus } from "../api";
import { displayTitle } from "./papers";

export type SortKey = "added" | "title" | "year";

export function matchesText(doc: DocumentDto, text: string): boolean {
  const needle = text.trim().toLowerCase();
  if (!needle) return true;
  const haystack = [doc.title ?? "", doc.filename, doc.doi ?? "", String(doc.year ?? ""), ...doc.authors, ...doc.tags].join("\n").toLowerCase();
  return needle.split(/\s+/).every((word) => haystack.includes(word));
}

const collator = new Intl.Collator(undefined, { sensitivity: "base", numeric: true });

export function viewRows(items: DocumentDto[], opts: { text: string; status: DocumentStatus | ""; sort: SortKey }): DocumentDto[] {
  const rows = items.filter((d) => (!opts.status || d.status === opts.status) && matchesText(d, opts.text));
  if (opts.sort === "title") rows.sort((a, b) => collator.compare(displayTitle(a), displayTitle(b)));
  else if (opts.sort === "year") rows.sort((a, b) => (b.year ?? -Infinity) - (a.year ?? -Infinity) || collator.compare(displayTitle(a), displayTitle(b)));
  // "added" keeps the server's order: newest first.
  return rows;
}
