// The room's SQLite schema, as an ordered list of migrations. Each runs once, in order, and
// the version reached is kept in `room_meta`; later issues append steps, never edit old ones.
import { createSearchTables } from "./search-index";

export type Sql = SqlStorage;

interface Migration {
  version: number;
  up: (sql: Sql) => void;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    up: (sql) => {
      // `seq` is assigned from room_meta.last_seq, not AUTOINCREMENT, so pruning every row can
      // never let a number be handed out twice.
      sql.exec(`CREATE TABLE IF NOT EXISTS events (
        seq INTEGER PRIMARY KEY,
        type TEXT NOT NULL,
        payload TEXT NOT NULL,
        created_at INTEGER NOT NULL
      )`);
      sql.exec(`CREATE TABLE IF NOT EXISTS pages (
        document_id TEXT NOT NULL,
        page INTEGER NOT NULL,
        text TEXT NOT NULL,
        PRIMARY KEY (document_id, page)
      ) WITHOUT ROWID`);
    },
  },
  {
    version: 2,
    up: (sql) => {
      // Annotations and comments of the project's papers. `ord` (the rowid) gives a stable
      // creation order and keyset cursors; `sort_y`/`sort_x` (the top-most rect) give reading order.
      sql.exec(`CREATE TABLE IF NOT EXISTS annotations (
        ord INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        document_id TEXT NOT NULL,
        page INTEGER NOT NULL,
        quote TEXT NOT NULL,
        prefix TEXT NOT NULL,
        suffix TEXT NOT NULL,
        rects TEXT NOT NULL,
        color TEXT NOT NULL,
        note TEXT,
        author_id TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        version INTEGER NOT NULL,
        sort_y REAL NOT NULL,
        sort_x REAL NOT NULL
      )`);
      sql.exec("CREATE INDEX IF NOT EXISTS annotations_reading_idx ON annotations (document_id, page, sort_y, sort_x, ord)");
      sql.exec(`CREATE TABLE IF NOT EXISTS comments (
        ord INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        document_id TEXT NOT NULL,
        annotation_id TEXT,
        parent_id TEXT,
        body TEXT NOT NULL,
        author_id TEXT NOT NULL,
        created_at TEXT NOT NULL,
        edited_at TEXT,
        version INTEGER NOT NULL,
        resolved_at TEXT,
        resolved_by TEXT
      )`);
      sql.exec("CREATE INDEX IF NOT EXISTS comments_document_idx ON comments (document_id, ord)");
      sql.exec("CREATE INDEX IF NOT EXISTS comments_annotation_idx ON comments (annotation_id, ord)");
      sql.exec("CREATE INDEX IF NOT EXISTS comments_parent_idx ON comments (parent_id, ord)");
    },
  },
  {
    version: 3,
    // The full-text index (durable-objects/search-index.ts), filled from existing pages.
    up: (sql) => createSearchTables(sql),
  },
  {
    version: 4,
    // Bibliography entries of each paper (durable-objects/references-store.ts); filled at parse time.
    up: (sql) => {
      // `references` is an SQL keyword, hence the quotes. Links to other papers are computed on
      // read; the indexes serve "who cites this paper" by DOI and by normalised title.
      sql.exec(`CREATE TABLE IF NOT EXISTS "references" (
        document_id TEXT NOT NULL,
        idx INTEGER NOT NULL,
        raw TEXT NOT NULL,
        doi TEXT,
        title TEXT,
        title_norm TEXT NOT NULL DEFAULT '',
        year INTEGER,
        PRIMARY KEY (document_id, idx)
      ) WITHOUT ROWID`);
      sql.exec(`CREATE INDEX IF NOT EXISTS references_doi_idx ON "references" (lower(doi)) WHERE doi IS NOT NULL`);
      sql.exec(`CREATE INDEX IF NOT EXISTS references_title_idx ON "references" (title_norm) WHERE title_norm != ''`);
    },
  },
];

function ensureMeta(sql: Sql): void {
  sql.exec("CREATE TABLE IF NOT EXISTS room_meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL)");
}

export function readMeta(sql: Sql, key: string): number {
  const row = sql.exec<{ value: number }>("SELECT value FROM room_meta WHERE key = ?", key).toArray()[0];
  return row ? row.value : 0;
}

export function writeMeta(sql: Sql, key: string, value: number): void {
  sql.exec("INSERT INTO room_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", key, value);
}

/** Brings the schema up to date; safe to call on every wake. Returns the version reached. */
export function migrate(storage: DurableObjectStorage, migrations: readonly Migration[] = MIGRATIONS): number {
  const sql = storage.sql;
  ensureMeta(sql);
  let version = readMeta(sql, "schema_version");
  for (const migration of migrations) {
    if (migration.version <= version) continue;
    // One migration and its version bump commit together, or neither does.
    storage.transactionSync(() => {
      migration.up(sql);
      writeMeta(sql, "schema_version", migration.version);
    });
    version = migration.version;
  }
  return version;
}
