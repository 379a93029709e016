// Filtering and sorting the loaded papers on the client, so the table answers as you type.
import type { DocumentDto, DocumentStatus } from "../../../protocol/documents";
import { displayTitle } from "./papers";

export type SortKey = "added" | "title" | "year" | "activity";

export function matchesText(doc: DocumentDto, text: string): boolean {
  const needle = text.trim().toLowerCase();
  if (!needle) return true;
  const haystack = [doc.title ?? "", doc.filename, doc.doi ?? "", String(doc.year ?? ""), ...doc.authors, ...doc.tags].join("\n").toLowerCase();
  return needle.split(/\s+/).every((word) => haystack.includes(word));
}

const collator = new Intl.Collator(undefined, { sensitivity: "base", numeric: true });

export interface ViewOptions {
  text: string;
  status: DocumentStatus | "";
  sort: SortKey;
  /** For "activity": when the paper was last highlighted or commented on (ISO), if ever. */
  lastActivity?: (documentId: string) => string | undefined;
}

export function viewRows(items: DocumentDto[], opts: ViewOptions): DocumentDto[] {
  const rows = items.filter((d) => (!opts.status || d.status === opts.status) && matchesText(d, opts.text));
  if (opts.sort === "title") rows.sort((a, b) => collator.compare(displayTitle(a), displayTitle(b)));
  else if (opts.sort === "year") rows.sort((a, b) => (b.year ?? -Infinity) - (a.year ?? -Infinity) || collator.compare(displayTitle(a), displayTitle(b)));
  else if (opts.sort === "activity") {
    // Most recently discussed first; papers nobody discussed keep the server's order after them.
    const at = (d: DocumentDto) => opts.lastActivity?.(d.id) ?? "";
    rows.sort((a, b) => (at(a) === at(b) ? 0 : at(a) < at(b) ? 1 : -1));
  }
  // "added" keeps the server's order: newest first.
  return rows;
}
