// Page texts of the project's documents, one row per page. Written in batches by the parse
// consumer (at least once, so every write is an idempotent upsert) and read by the pages route.
import type { Sql } from "./room-storage";

export interface PageText {
  page: number;
  text: string;
}

/** Rows per INSERT: SQLite in Durable Objects allows at most 100 bound parameters. */
const ROWS_PER_STATEMENT = 33;
/** A row holds at most 2 MB; no real page comes near this many characters (3 bytes each at worst). */
export const MAX_PAGE_CHARS = 600_000;

export function putPages(sql: Sql, documentId: string, pages: readonly PageText[]): number {
  for (const p of pages) {
    if (!Number.isInteger(p.page) || p.page < 1) throw new RangeError(`Page numbers start at 1 (got ${p.page}).`);
  }
  for (let i = 0; i < pages.length; i += ROWS_PER_STATEMENT) {
    const batch = pages.slice(i, i + ROWS_PER_STATEMENT);
    const values = batch.map(() => "(?, ?, ?)").join(", ");
    const params = batch.flatMap((p) => [documentId, p.page, p.text.slice(0, MAX_PAGE_CHARS)]);
    sql.exec(
      `INSERT INTO pages (document_id, page, text) VALUES ${values}
       ON CONFLICT(document_id, page) DO UPDATE SET text = excluded.text`,
      ...params,
    );
  }
  return pages.length;
}

export function deletePages(sql: Sql, documentId: string): number {
  return sql.exec("DELETE FROM pages WHERE document_id = ?", documentId).rowsWritten;
}

export function getPage(sql: Sql, documentId: string, page: number): string | null {
  const row = sql.exec<{ text: string }>("SELECT text FROM pages WHERE document_id = ? AND page = ?", documentId, page).toArray()[0];
  return row ? row.text : null;
}

export function pageCount(sql: Sql, documentId: string): number {
  return sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM pages WHERE document_id = ?", documentId).one().n;
}

/** Pages from..to (inclusive) that are stored, in page order: one read for a range. */
export function getPages(sql: Sql, documentId: string, from: number, to: number): PageText[] {
  return sql
    .exec<{ page: number; text: string }>("SELECT page, text FROM pages WHERE document_id = ? AND page BETWEEN ? AND ? ORDER BY page", documentId, from, to)
    .toArray()
    .map((r) => ({ page: r.page, text: r.text }));
}
