// Each paper's bibliography entries, one row per entry, and the links between papers of the
// project that they make. Links are never stored: the worker passes in the project's papers
// ({id, doi, titleNorm} from D1) on every read, so uploads, edits of a DOI or title and
// deletions show at once without bookkeeping. A reference matches a paper by DOI first, then
// by normalised title equality, and never the paper it belongs to.
import { normalizeTitle } from "../worker/papers/normalize";
import type { Sql } from "./room-storage";

/** What the reference extractor gives (worker/papers/references.ts ReferenceEntry). */
export interface ReferenceInput {
  index: number;
  raw: string;
  doi: string | null;
  title: string | null;
  year: number | null;
}

export interface StoredReference extends ReferenceInput {
  titleNorm: string;
}

/** A paper of the project as the matcher sees it (titleNorm = normalizeTitle(title), or ""). */
export interface LinkTarget {
  id: string;
  doi: string | null;
  titleNorm: string;
}

/** One citation between two papers of the project: `from`'s entry `index` names `to`. */
export interface CitationLink {
  from: string;
  index: number;
  to: string;
}

/** A reference as the matcher sees it. */
export interface LinkSource {
  documentId: string;
  index: number;
  doi: string | null;
  titleNorm: string;
}

/** Rows per INSERT: at most 100 bound parameters per statement, 7 per row. */
const ROWS_PER_STATEMENT = 14;
const MAX_RAW_CHARS = 4_000;
const MAX_ENTRIES = 2_000;
/** One-word or very short titles ("Introduction", "Survey") would match by accident. */
export const MIN_TITLE_CHARS = 10;

const doiKey = (doi: string | null | undefined): string | null => {
  const d = doi?.trim().toLowerCase();
  return d ? d : null;
};
const titleKey = (t: string | null | undefined): string | null => (t && t.length >= MIN_TITLE_CHARS && t.includes(" ") ? t : null);

/** Replaces a document's references with `entries` (the same call twice leaves one set). */
export function replaceReferences(sql: Sql, documentId: string, entries: readonly ReferenceInput[]): number {
  deleteReferences(sql, documentId);
  const rows = entries.slice(0, MAX_ENTRIES);
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const batch = rows.slice(i, i + ROWS_PER_STATEMENT);
    const values = batch.map(() => "(?, ?, ?, ?, ?, ?, ?)").join(", ");
    const params = batch.flatMap((e) => [
      documentId,
      e.index,
      e.raw.slice(0, MAX_RAW_CHARS),
      e.doi ?? null,
      e.title ?? null,
      e.title ? normalizeTitle(e.title) : "",
      e.year ?? null,
    ]);
    // OR REPLACE: an extractor that numbered two entries alike must not fail the whole set.
    sql.exec(`INSERT OR REPLACE INTO "references" (document_id, idx, raw, doi, title, title_norm, year) VALUES ${values}`, ...params);
  }
  return rows.length;
}

export function deleteReferences(sql: Sql, documentId: string): number {
  return sql.exec(`DELETE FROM "references" WHERE document_id = ?`, documentId).rowsWritten;
}

type Row = {
  document_id: string;
  idx: number;
  raw: string;
  doi: string | null;
  title: string | null;
  title_norm: string;
  year: number | null;
};

export function listReferences(sql: Sql, documentId: string): StoredReference[] {
  return sql
    .exec<Row>(`SELECT document_id, idx, raw, doi, title, title_norm, year FROM "references" WHERE document_id = ? ORDER BY idx`, documentId)
    .toArray()
    .map((r) => ({ index: r.idx, raw: r.raw, doi: r.doi, title: r.title, titleNorm: r.title_norm, year: r.year }));
}

/**
 * Matches references to papers: DOI first (case-insensitive), then normalised title equality;
 * never a paper to itself. When two papers share a DOI or title (duplicates), the first in
 * `targets` wins. Returns one link per matched reference.
 */
export function matchReferences(sources: readonly LinkSource[], targets: readonly LinkTarget[]): CitationLink[] {
  const byDoi = new Map<string, string[]>();
  const byTitle = new Map<string, string[]>();
  const add = (map: Map<string, string[]>, key: string | null, id: string) => {
    if (!key) return;
    const list = map.get(key);
    if (list) list.push(id);
    else map.set(key, [id]);
  };
  for (const t of targets) {
    add(byDoi, doiKey(t.doi), t.id);
    add(byTitle, titleKey(t.titleNorm), t.id);
  }
  const pick = (ids: string[] | undefined, self: string) => ids?.find((id) => id !== self) ?? null;
  const links: CitationLink[] = [];
  for (const s of sources) {
    const doi = doiKey(s.doi);
    const title = titleKey(s.titleNorm);
    const to = (doi ? pick(byDoi.get(doi), s.documentId) : null) ?? (title ? pick(byTitle.get(title), s.documentId) : null);
    if (to) links.push({ from: s.documentId, index: s.index, to });
  }
  return links;
}

/** A document's references, each with the paper of the project it names (or null). */
export function referencesWithLinks(sql: Sql, documentId: string, targets: readonly LinkTarget[]) {
  const refs = listReferences(sql, documentId);
  const links = matchReferences(
    refs.map((r) => ({ documentId, index: r.index, doi: r.doi, titleNorm: r.titleNorm })),
    targets,
  );
  const target = new Map(links.map((l) => [l.index, l.to]));
  return refs.map((r) => ({ index: r.index, raw: r.raw, doi: r.doi, title: r.title, year: r.year, documentId: target.get(r.index) ?? null }));
}

/** The papers whose references name `documentId`, in `targets` order. */
export function citedBy(sql: Sql, documentId: string, targets: readonly LinkTarget[]): string[] {
  const self = targets.find((t) => t.id === documentId);
  if (!self) return [];
  const doi = doiKey(self.doi);
  const title = titleKey(self.titleNorm);
  if (!doi && !title) return [];
  // Candidates by index, then the full matcher decides (a DOI naming another paper wins over a title).
  const rows = sql
    .exec<Pick<Row, "document_id" | "idx" | "doi" | "title_norm">>(
      `SELECT document_id, idx, doi, title_norm FROM "references"
       WHERE document_id != ? AND ((doi IS NOT NULL AND lower(doi) = ?) OR (title_norm != '' AND title_norm = ?))`,
      documentId,
      doi ?? "\u0000",
      title ?? "\u0000",
    )
    .toArray();
  const citing = new Set(
    matchReferences(
      rows.map((r) => ({ documentId: r.document_id, index: r.idx, doi: r.doi, titleNorm: r.title_norm })),
      targets,
    )
      .filter((l) => l.to === documentId)
      .map((l) => l.from),
  );
  return targets.filter((t) => citing.has(t.id)).map((t) => t.id);
}

/** Every citation between papers of `targets`, one edge per citing/cited pair. */
export function citationEdges(sql: Sql, targets: readonly LinkTarget[]): { from: string; to: string }[] {
  const known = new Set(targets.map((t) => t.id));
  const rows = sql
    .exec<Pick<Row, "document_id" | "idx" | "doi" | "title_norm">>(
      `SELECT document_id, idx, doi, title_norm FROM "references" WHERE doi IS NOT NULL OR title_norm != ''`,
    )
    .toArray()
    .filter((r) => known.has(r.document_id));
  const seen = new Set<string>();
  const edges: { from: string; to: string }[] = [];
  for (const l of matchReferences(
    rows.map((r) => ({ documentId: r.document_id, index: r.idx, doi: r.doi, titleNorm: r.title_norm })),
    targets,
  )) {
    const key = `${l.from}\u0000${l.to}`;
    if (seen.has(key)) continue;
    seen.add(key);
    edges.push({ from: l.from, to: l.to });
  }
  return edges;
}
