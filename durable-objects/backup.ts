// Backup and restore of a room's SQLite storage, as plain rows. Every table is exported except
// the full-text index (the FTS5 tables, their shadow tables and search_docs): it is derived
// from `pages` and the papers' metadata, so it is rebuilt on import instead of being copied.
import * as searchIndex from "./search-index";
import { readMeta, type Sql } from "./room-storage";

/** Derived tables that importStep() rebuilds. */
const DERIVED = new Set(["search_docs"]);
/** Rows per export chunk are bounded by this many bytes of JSON, so big rooms come in pages. */
export const DEFAULT_CHUNK_BYTES = 4 * 1024 * 1024;

type Value = string | number | null | { b64: string };

export interface TablePart {
  table: string;
  columns: string[];
  rows: Value[][];
}

/** Where the next export chunk starts: the table's index in exportTables() and a row offset. */
export interface ExportCursor {
  table: number;
  offset: number;
}

export interface ExportChunk {
  schemaVersion: number;
  /** The newest event seq when the chunk was read: equal first and last seqs mean no event was written in between. */
  seq: number;
  parts: TablePart[];
  next: ExportCursor | null;
}

export interface DocumentMetaRow extends searchIndex.DocumentMeta {
  documentId: string;
}

export interface ImportStep {
  /** Wipe the room first (done by the Durable Object: it needs the async deleteAll()). */
  reset?: boolean;
  parts?: TablePart[];
  /** Titles, authors and abstracts from D1, for the metadata half of the search index. */
  meta?: DocumentMetaRow[];
}

export interface ImportResult {
  rows: Record<string, number>;
  skippedTables: string[];
}

interface TableInfo {
  name: string;
  orderBy: string;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The tables a backup holds, in a stable order, each with a total order for paging. */
export function exportTables(sql: Sql): TableInfo[] {
  const all = sql.exec<{ name: string; sql: string }>("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name").toArray();
  const virtual = all.filter((t) => /^CREATE VIRTUAL TABLE/i.test(t.sql)).map((t) => t.name);
  return all
    .filter((t) => !t.name.startsWith("sqlite_") && !t.name.startsWith("_cf_") && !DERIVED.has(t.name))
    .filter((t) => !virtual.some((v) => t.name === v || t.name.startsWith(`${v}_`)))
    .map((t) => {
      if (!/WITHOUT\s+ROWID/i.test(t.sql)) return { name: t.name, orderBy: "rowid" };
      const pk = sql
        .exec<{ name: string; pk: number }>("SELECT name, pk FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk", t.name)
        .toArray()
        .map((c) => quote(c.name));
      return { name: t.name, orderBy: pk.join(", ") };
    });
}

const toJson = (v: unknown): Value => (v instanceof ArrayBuffer ? { b64: btoa(String.fromCharCode(...new Uint8Array(v))) } : (v as Value));
const fromJson = (v: Value): SqlStorageValue =>
  v !== null && typeof v === "object" ? Uint8Array.from(atob(v.b64), (c) => c.charCodeAt(0)).buffer : v;

/**
 * Reads rows from `cursor` on until about `maxBytes` of JSON. Synchronous, so one chunk is a
 * consistent read; a room small enough for one chunk is exported at a single instant.
 */
export function exportChunk(sql: Sql, cursor: ExportCursor | null, maxBytes = DEFAULT_CHUNK_BYTES): ExportChunk {
  const tables = exportTables(sql);
  const parts: TablePart[] = [];
  let bytes = 0;
  let { table, offset } = cursor ?? { table: 0, offset: 0 };
  while (table < tables.length) {
    const info = tables[table]!;
    const result = sql.exec(`SELECT * FROM ${quote(info.name)} ORDER BY ${info.orderBy} LIMIT 500 OFFSET ?`, offset);
    const columns = result.columnNames;
    const rows: Value[][] = [];
    for (const raw of result.raw()) {
      const row = raw.map(toJson);
      rows.push(row);
      bytes += JSON.stringify(row).length;
      offset++;
      if (bytes >= maxBytes) break;
    }
    if (rows.length > 0 || offset === 0) parts.push({ table: info.name, columns, rows });
    if (bytes >= maxBytes) return { schemaVersion: readMeta(sql, "schema_version"), seq: readMeta(sql, "last_seq"), parts, next: { table, offset } };
    if (rows.length < 500) {
      table++;
      offset = 0;
    }
  }
  return { schemaVersion: readMeta(sql, "schema_version"), seq: readMeta(sql, "last_seq"), parts, next: null };
}

/**
 * Inserts rows (after the room was wiped and migrated) and re-indexes what they feed. Columns
 * the current schema no longer has are dropped; new ones take their defaults. The schema
 * version of the restored room stays the one its migrations reached.
 */
export function importStep(sql: Sql, step: ImportStep): ImportResult {
  const result: ImportResult = { rows: {}, skippedTables: [] };
  for (const part of step.parts ?? []) {
    const existing = new Set(sql.exec<{ name: string }>("SELECT name FROM pragma_table_info(?)", part.table).toArray().map((c) => c.name));
    if (existing.size === 0 || DERIVED.has(part.table)) {
      result.skippedTables.push(part.table);
      continue;
    }
    const keep = part.columns.map((c, i) => [c, i] as const).filter(([c]) => existing.has(c));
    const statement = `INSERT OR REPLACE INTO ${quote(part.table)} (${keep.map(([c]) => quote(c)).join(", ")}) VALUES (${keep.map(() => "?").join(", ")})`;
    const keyColumn = part.columns.indexOf("key");
    let count = 0;
    for (const row of part.rows) {
      if (part.table === "room_meta" && row[keyColumn] === "schema_version") continue;
      sql.exec(statement, ...keep.map(([, i]) => fromJson(row[i] ?? null)));
      count++;
    }
    result.rows[part.table] = (result.rows[part.table] ?? 0) + count;
    if (part.table === "pages") reindexPages(sql, part);
  }
  for (const m of step.meta ?? []) searchIndex.indexMeta(sql, m.documentId, m);
  return result;
}

function reindexPages(sql: Sql, part: TablePart): void {
  const [doc, page, text] = ["document_id", "page", "text"].map((c) => part.columns.indexOf(c));
  const byDoc = new Map<string, { page: number; text: string }[]>();
  for (const row of part.rows) {
    const id = row[doc!] as string;
    if (!byDoc.has(id)) byDoc.set(id, []);
    byDoc.get(id)!.push({ page: row[page!] as number, text: row[text!] as string });
  }
  for (const [id, pages] of byDoc) searchIndex.indexPages(sql, id, pages);
}
