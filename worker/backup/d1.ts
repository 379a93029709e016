// D1 export and replay. The export reads every table in one DB.batch(): D1 runs a batch as a
// single SQL transaction ("Batched statements are SQL transactions", D1 Workers binding docs),
// so all tables are read at one instant. The replay wipes and refills the tables in foreign-key
// order, in batches.
import type { TablePart } from "../../durable-objects/backup";

export interface D1Export {
  /** Tables in foreign-key order: parents before children. */
  tables: TablePart[];
  /** d1_migrations rows: the schema the rows belong to. */
  migrations: string[];
}

/** Rows per insert statement; D1 allows at most 100 bound parameters per statement. */
const MAX_PARAMS = 100;
/** Statements per replay batch. */
const BATCH_STATEMENTS = 100;

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Application tables (not D1's or SQLite's own, not the migration log), parents first. */
export async function tablesInOrder(db: D1Database): Promise<string[]> {
  const { results: tables } = await db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name != 'd1_migrations'")
    .all<{ name: string }>();
  // PRAGMA foreign_key_list and table_info are among the commands D1 documents as supported.
  const keys = tables.length ? await db.batch<{ table: string }>(tables.map((t) => db.prepare(`PRAGMA foreign_key_list(${quote(t.name)})`))) : [];
  const results = tables.flatMap((t, i) => [{ name: t.name, parent: null as string | null }, ...keys[i]!.results.map((k) => ({ name: t.name, parent: k.table }))]);
  const parents = new Map<string, Set<string>>();
  for (const r of results) {
    if (!parents.has(r.name)) parents.set(r.name, new Set());
    if (r.parent && r.parent !== r.name) parents.get(r.name)!.add(r.parent);
  }
  const order: string[] = [];
  const visit = (name: string, path: Set<string>) => {
    if (order.includes(name) || path.has(name)) return;
    path.add(name);
    for (const p of [...(parents.get(name) ?? [])].sort()) if (parents.has(p)) visit(p, path);
    order.push(name);
  };
  for (const name of [...parents.keys()].sort()) visit(name, new Set());
  return order;
}

/**
 * Work in flight, not data: leases of uploads streaming and sockets open at backup time. A
 * restore closes every socket and outlives every upload, so restoring them would only hold slots
 * nobody uses. The replay still wipes the table.
 */
const TRANSIENT_TABLES = new Set(["user_leases"]);

export async function exportD1(db: D1Database): Promise<D1Export> {
  const names = (await tablesInOrder(db)).filter((name) => !TRANSIENT_TABLES.has(name));
  const statements = [db.prepare("SELECT name FROM d1_migrations ORDER BY id"), ...names.map((n) => db.prepare(`SELECT * FROM ${quote(n)}`))];
  const [migrations, ...results] = await db.batch<Record<string, unknown>>(statements);
  const tables = names.map((table, i): TablePart => {
    const rows = results[i]!.results;
    const columns = rows[0] ? Object.keys(rows[0]) : [];
    return { table, columns, rows: rows.map((r) => columns.map((c) => r[c] as string | number | null)) };
  });
  return { tables, migrations: migrations!.results.map((r) => String(r.name)) };
}

export async function appliedMigrations(db: D1Database): Promise<string[]> {
  const { results } = await db.prepare("SELECT name FROM d1_migrations ORDER BY id").all<{ name: string }>();
  return results.map((r) => r.name);
}

/**
 * Replaces every table's rows with the backup's. Refuses when the database lacks a migration
 * the backup was taken with (apply migrations first). Not atomic across batches: run it with
 * the app in maintenance, or on an empty database.
 */
export async function replayD1(db: D1Database, backup: D1Export): Promise<Record<string, number>> {
  const applied = new Set(await appliedMigrations(db));
  const missing = backup.migrations.filter((m) => !applied.has(m));
  if (missing.length > 0) throw new Error(`The database lacks migrations the backup needs: ${missing.join(", ")}. Apply them first.`);

  const current = await tablesInOrder(db);
  // Children first, so no delete trips a foreign key.
  await db.batch([...current].reverse().map((t) => db.prepare(`DELETE FROM ${quote(t)}`)));

  const byName = new Map(backup.tables.map((t) => [t.table, t]));
  const counts: Record<string, number> = {};
  let pending: D1PreparedStatement[] = [];
  const flush = async () => {
    if (pending.length > 0) await db.batch(pending);
    pending = [];
  };
  for (const table of current) {
    const part = byName.get(table);
    counts[table] = 0;
    if (!part || part.rows.length === 0) continue;
    const existing = new Set((await db.prepare(`PRAGMA table_info(${quote(table)})`).all<{ name: string }>()).results.map((c) => c.name));
    const keep = part.columns.map((c, i) => [c, i] as const).filter(([c]) => existing.has(c));
    const perStatement = Math.max(1, Math.floor(MAX_PARAMS / keep.length));
    const columns = keep.map(([c]) => quote(c)).join(", ");
    const tuple = `(${keep.map(() => "?").join(", ")})`;
    for (let i = 0; i < part.rows.length; i += perStatement) {
      const rows = part.rows.slice(i, i + perStatement);
      const params = rows.flatMap((row) => keep.map(([, j]) => row[j] ?? null));
      pending.push(db.prepare(`INSERT INTO ${quote(table)} (${columns}) VALUES ${rows.map(() => tuple).join(", ")}`).bind(...params));
      if (pending.length >= BATCH_STATEMENTS) await flush();
    }
    counts[table] = part.rows.length;
  }
  await flush();
  return counts;
}
