// The project's full-text index: SQLite FTS5 with the trigram tokenizer (finds CJK words and
// any substring; remove_diacritics folds accents, case is ignored) over page texts, plus a
// second index over title/authors/abstract whose matches boost a paper's rank.
// Rows are addressed by rowid = docNum * PAGE_SPAN + page, so a document's rows are one rowid
// range: replacing or dropping them never scans the UNINDEXED columns.
import type { Sql } from "./room-storage";

const PAGE_SPAN = 100_000;
const MARK_OPEN = "\uE000";
const MARK_CLOSE = "\uE001";

export function createSearchTables(sql: Sql): void {
  sql.exec("CREATE TABLE IF NOT EXISTS search_docs (document_id TEXT PRIMARY KEY, num INTEGER NOT NULL UNIQUE)");
  sql.exec("CREATE VIRTUAL TABLE IF NOT EXISTS pages_fts USING fts5(text, tokenize = 'trigram remove_diacritics 1')");
  sql.exec("CREATE VIRTUAL TABLE IF NOT EXISTS meta_fts USING fts5(title, authors, abstract, tokenize = 'trigram remove_diacritics 1')");
  // Index the pages stored before this index existed.
  const docs = sql.exec<{ document_id: string }>("SELECT DISTINCT document_id FROM pages").toArray();
  for (const { document_id } of docs) {
    const rows = sql.exec<{ page: number; text: string }>("SELECT page, text FROM pages WHERE document_id = ?", document_id).toArray();
    indexPages(sql, document_id, rows);
  }
}

function docNum(sql: Sql, documentId: string, create: boolean): number | null {
  const row = sql.exec<{ num: number }>("SELECT num FROM search_docs WHERE document_id = ?", documentId).toArray()[0];
  if (row || !create) return row?.num ?? null;
  const next = sql.exec<{ n: number }>("SELECT COALESCE(MAX(num), 0) + 1 AS n FROM search_docs").one().n;
  sql.exec("INSERT INTO search_docs (document_id, num) VALUES (?, ?)", documentId, next);
  return next;
}

export function indexPages(sql: Sql, documentId: string, pages: readonly { page: number; text: string }[]): void {
  const num = docNum(sql, documentId, true)!;
  for (const p of pages) {
    if (p.page >= PAGE_SPAN) continue;
    const rowid = num * PAGE_SPAN + p.page;
    sql.exec("DELETE FROM pages_fts WHERE rowid = ?", rowid);
    sql.exec("INSERT INTO pages_fts (rowid, text) VALUES (?, ?)", rowid, p.text);
  }
}

export interface DocumentMeta {
  title: string | null;
  authors: string[];
  abstract: string | null;
}

export function indexMeta(sql: Sql, documentId: string, meta: DocumentMeta): void {
  const num = docNum(sql, documentId, true)!;
  sql.exec("DELETE FROM meta_fts WHERE rowid = ?", num);
  sql.exec("INSERT INTO meta_fts (rowid, title, authors, abstract) VALUES (?, ?, ?, ?)", num, meta.title ?? "", meta.authors.join("; "), meta.abstract ?? "");
}

export function unindexDocument(sql: Sql, documentId: string): void {
  const num = docNum(sql, documentId, false);
  if (num === null) return;
  sql.exec("DELETE FROM pages_fts WHERE rowid BETWEEN ? AND ?", num * PAGE_SPAN, num * PAGE_SPAN + PAGE_SPAN - 1);
  sql.exec("DELETE FROM meta_fts WHERE rowid = ?", num);
}

export interface SearchHit {
  documentId: string;
  page: number;
  /** HTML: the page text around the match, escaped, with <mark>…</mark> around matches. */
  snippet: string;
  score: number;
}

export interface SearchRequest {
  /** An FTS5 MATCH expression (see protocol/search-query.ts), or null when only short terms remain. */
  match: string | null;
  /** Terms too short for trigrams (1–2 characters): matched with LIKE instead. */
  likeTerms: string[];
  /** Only these documents (the parsed ones passing the filters); null means all. */
  documentIds: string[] | null;
  limit: number;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Cuts ~240 characters around the first mark, escapes them, and turns marks into <mark>. */
export function renderSnippet(marked: string): string {
  const at = Math.max(0, marked.indexOf(MARK_OPEN));
  let start = Math.max(0, at - 80);
  let end = Math.min(marked.length, at + 160);
  // Never cut inside a mark, and prefer word boundaries.
  const open = marked.lastIndexOf(MARK_OPEN, end);
  if (open > marked.lastIndexOf(MARK_CLOSE, end)) end = Math.max(end, marked.indexOf(MARK_CLOSE, open) + 1);
  const space = marked.indexOf(" ", start);
  if (start > 0 && space !== -1 && space < at) start = space + 1;
  const body = escapeHtml(marked.slice(start, end).replace(/\s+/g, " ").trim())
    .replaceAll(MARK_OPEN, "<mark>")
    .replaceAll(MARK_CLOSE, "</mark>");
  return `${start > 0 ? "…" : ""}${body}${end < marked.length ? "…" : ""}`;
}

export function search(sql: Sql, req: SearchRequest): SearchHit[] {
  if (!req.match && req.likeTerms.length === 0) return [];
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (req.match) {
    where.push("pages_fts MATCH ?");
    params.push(req.match);
  }
  for (const term of req.likeTerms) {
    where.push("pages_fts.text LIKE ? ESCAPE '\\'");
    params.push(`%${term.replace(/[%_\\]/g, "\\$&")}%`);
  }
  if (req.documentIds) {
    where.push("d.document_id IN (SELECT value FROM json_each(?))");
    params.push(JSON.stringify(req.documentIds));
  }
  const rank = req.match ? "bm25(pages_fts)" : "0";
  // Rank first without highlight(): in the sorted query it would run on every matching page
  // (thousands for a common word), though only the returned ones need a snippet. Without a
  // MATCH every score is 0, so no ORDER BY: the LIKE scan can stop at the LIMIT.
  const pageRows = sql
    .exec<{ document_id: string; rowid: number; score: number; num: number }>(
      `SELECT d.document_id, pages_fts.rowid AS rowid, d.num AS num, ${rank} AS score
         FROM pages_fts JOIN search_docs d ON d.num = pages_fts.rowid / ${PAGE_SPAN}
        WHERE ${where.join(" AND ")}
        ${req.match ? "ORDER BY score" : ""} LIMIT ?`,
      ...params,
      req.limit * 4,
    )
    .toArray();

  // Papers whose title, authors or abstract match rank higher (weights: title 10, authors 5, abstract 2).
  const boost = new Map<string, number>();
  if (req.match) {
    const metaRows = sql
      .exec<{ document_id: string; score: number }>(
        `SELECT d.document_id, bm25(meta_fts, 10.0, 5.0, 2.0) AS score
           FROM meta_fts JOIN search_docs d ON d.num = meta_fts.rowid
          WHERE meta_fts MATCH ? ${req.documentIds ? "AND d.document_id IN (SELECT value FROM json_each(?))" : ""}
          LIMIT 200`,
        ...(req.documentIds ? [req.match, JSON.stringify(req.documentIds)] : [req.match]),
      )
      .toArray();
    for (const r of metaRows) boost.set(r.document_id, r.score);
  }

  const hits: (SearchHit & { rowid: number })[] = pageRows.map((r) => ({
    documentId: r.document_id,
    page: r.rowid - r.num * PAGE_SPAN,
    rowid: r.rowid,
    snippet: "",
    score: r.score + (boost.get(r.document_id) ?? 0) * 2,
  }));
  // A paper found only by its title or authors still shows up, at page 1.
  const withPages = new Set(hits.map((h) => h.documentId));
  for (const [documentId, score] of boost) {
    if (withPages.has(documentId)) continue;
    hits.push({ documentId, page: 1, rowid: 0, snippet: "", score: score * 2 });
  }
  const top = hits.sort((a, b) => a.score - b.score).slice(0, req.limit);

  // Snippets for the returned pages only. With a MATCH, `+` keeps the IN list out of FTS5 (which
  // would rerun the whole query once per rowid) and filters the matches instead; without one,
  // the IN list is the cheap path (rowid lookups, not a scan).
  const rowids = top.filter((h) => h.rowid).map((h) => h.rowid);
  if (rowids.length) {
    const marked = new Map(
      sql
        .exec<{ rowid: number; marked: string }>(
          `SELECT pages_fts.rowid AS rowid, highlight(pages_fts, 0, '${MARK_OPEN}', '${MARK_CLOSE}') AS marked
             FROM pages_fts
            WHERE ${req.match ? "pages_fts MATCH ? AND +" : ""}pages_fts.rowid IN (SELECT value FROM json_each(?))`,
          ...(req.match ? [req.match] : []),
          JSON.stringify(rowids),
        )
        .toArray()
        .map((r) => [r.rowid, r.marked]),
    );
    for (const h of top) if (h.rowid) h.snippet = renderSnippet(marked.get(h.rowid) ?? "");
  }
  return top.map(({ rowid: _rowid, ...hit }) => hit);
}
