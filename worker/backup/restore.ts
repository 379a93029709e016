// Rebuilds D1 and the projects' room storage from one backup in BACKUPS, and puts back any PDF
// a restored document row names that PAPERS lacks (from the mirror).
import type { DocumentMetaRow, TablePart } from "../../durable-objects/backup";
import { log } from "../lib/log";
import { readLines } from "./archive";
import { replayD1, type D1Export } from "./d1";
import { restorePapers } from "./papers";
import { manifestKey } from "./retention";
import { d1Key, type Manifest } from "./run";
import { replayRoom } from "./rooms";

export interface RestoreOptions {
  /** Only these projects' rooms (D1 is then left alone unless `d1` is true). */
  projectIds?: string[];
  /** Replay D1 (default: true when no projectIds are given). */
  d1?: boolean;
}

export interface RestoreReport {
  backupId: string;
  d1: Record<string, number> | null;
  rooms: { projectId: string; rows: Record<string, number> }[];
  papers: { present: number; restored: number; missing: string[] };
  durationMs: number;
}

export class BackupNotFound extends Error {}

export async function readManifest(env: Env, id: string): Promise<Manifest> {
  const object = await env.BACKUPS.get(manifestKey(id));
  if (!object) throw new BackupNotFound(`There is no finished backup ${id}.`);
  return object.json<Manifest>();
}

async function readD1(env: Env, id: string): Promise<D1Export> {
  const object = await env.BACKUPS.get(d1Key(id));
  if (!object) throw new BackupNotFound(`Backup ${id} has no D1 file.`);
  const tables: TablePart[] = [];
  let migrations: string[] = [];
  for await (const line of readLines<TablePart | { kind: "d1"; migrations: string[] }>(object.body)) {
    if ("kind" in line) migrations = line.migrations;
    else tables.push(line);
  }
  return { tables, migrations };
}

export async function restoreBackup(env: Env, id: string, options: RestoreOptions = {}): Promise<RestoreReport> {
  const started = Date.now();
  const manifest = await readManifest(env, id);
  const replayDb = options.d1 ?? !options.projectIds;
  const d1 = replayDb ? await replayD1(env.DB, await readD1(env, id)) : null;

  const wanted = options.projectIds ? new Set(options.projectIds) : null;
  const rooms: RestoreReport["rooms"] = [];
  for (const room of manifest.rooms) {
    if (wanted && !wanted.has(room.projectId)) continue;
    const object = await env.BACKUPS.get(room.key);
    if (!object) throw new BackupNotFound(`Backup ${id} has no file for project ${room.projectId}.`);
    const { results } = await env.DB.prepare("SELECT id, filename, title, authors, abstract FROM documents WHERE project_id = ?")
      .bind(room.projectId)
      .all<{ id: string; filename: string; title: string | null; authors: string; abstract: string | null }>();
    // The same values syncSearchMeta() indexes at parse time.
    const meta: DocumentMetaRow[] = results.map((d) => ({ documentId: d.id, title: d.title ?? d.filename, authors: JSON.parse(d.authors) as string[], abstract: d.abstract }));
    rooms.push({ projectId: room.projectId, rows: await replayRoom(env, room.projectId, object.body, meta) });
  }

  const projectFilter = wanted ? ` WHERE project_id IN (SELECT value FROM json_each(?))` : "";
  const statement = env.DB.prepare(`SELECT r2_key FROM documents${projectFilter}`);
  const { results: keys } = await (wanted ? statement.bind(JSON.stringify([...wanted])) : statement).all<{ r2_key: string }>();
  const papers = await restorePapers(env, keys.map((k) => k.r2_key));

  const report = { backupId: id, d1, rooms, papers, durationMs: Date.now() - started };
  log("backup.restored", { outcome: papers.missing.length ? "partial" : "ok", backupId: id, rooms: rooms.length, papersRestored: papers.restored, papersMissing: papers.missing.length, durationMs: report.durationMs });
  return report;
}
