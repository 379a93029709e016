// The scheduled backup: D1 and every project's room storage into BACKUPS as dated gzip NDJSON
// files, the PDFs mirrored into the same bucket, then the old backups pruned.
//   backups/<id>/d1.json.gz              header line, then one line per table
//   backups/<id>/rooms/<projectId>.json.gz
//   backups/<id>/manifest.json           written last: a backup without one is unfinished
import { MIGRATIONS } from "../../durable-objects/room-storage";
import { log } from "../lib/log";
import { GZIP_METADATA, gzipLines } from "./archive";
import { exportD1 } from "./d1";
import { mirrorPapers } from "./papers";
import { BACKUP_PREFIX, backupId, keepCount, manifestKey, pruneBackups } from "./retention";
import { exportRoom } from "./rooms";

/** The daily cron in wrangler.toml that runs backups (the hourly one runs maintenance). */
export const BACKUP_CRON = "40 3 * * *";
/** Rooms exported at once: each export is mostly waiting on its Durable Object. */
const ROOM_CONCURRENCY = 4;

export interface Manifest {
  format: 1;
  id: string;
  startedAt: string;
  finishedAt: string;
  d1: { key: string; migrations: string[]; tables: Record<string, number>; bytes: number };
  rooms: { projectId: string; key: string; schemaVersion: number; rows: Record<string, number>; bytes: number; consistent: boolean }[];
  roomSchema: { version: number; migrations: number[] };
  papers: { copied: number; pending: number; total: number };
  /** Rooms whose export failed (logged); the rest of the backup is still usable. */
  failed: { projectId: string; message: string }[];
  pruned: string[];
}

export const d1Key = (id: string) => `${BACKUP_PREFIX}${id}/d1.json.gz`;
export const roomKey = (id: string, projectId: string) => `${BACKUP_PREFIX}${id}/rooms/${projectId}.json.gz`;

export async function runBackup(env: Env, now = new Date()): Promise<Manifest> {
  const started = Date.now();
  const id = backupId(now);
  const d1 = await exportD1(env.DB);
  const d1Bytes = await gzipLines([{ kind: "d1", id, migrations: d1.migrations }, ...d1.tables]);
  await env.BACKUPS.put(d1Key(id), d1Bytes, GZIP_METADATA);

  // The projects of the D1 snapshot: a room whose project row is gone is not worth keeping.
  const projects = d1.tables.find((t) => t.table === "projects");
  const idColumn = projects?.columns.indexOf("id") ?? -1;
  const projectIds = (projects?.rows ?? []).map((r) => String(r[idColumn]));
  const rooms: Manifest["rooms"] = [];
  const failed: Manifest["failed"] = [];
  const queue = [...projectIds];
  await Promise.all(
    Array.from({ length: ROOM_CONCURRENCY }, async () => {
      for (let projectId = queue.shift(); projectId; projectId = queue.shift()) {
        try {
          const room = await exportRoom(env, projectId);
          const key = roomKey(id, projectId);
          await env.BACKUPS.put(key, room.bytes, GZIP_METADATA);
          rooms.push({ projectId, key, schemaVersion: room.schemaVersion, rows: room.rows, bytes: room.bytes.byteLength, consistent: room.consistent });
        } catch (error) {
          failed.push({ projectId, message: String(error) });
          log("backup.room_failed", { outcome: "error", backupId: id, projectId, message: String(error) });
        }
      }
    }),
  );
  rooms.sort((a, b) => a.projectId.localeCompare(b.projectId));
  const papers = await mirrorPapers(env);

  const manifest: Manifest = {
    format: 1,
    id,
    startedAt: now.toISOString(),
    finishedAt: new Date().toISOString(),
    d1: { key: d1Key(id), migrations: d1.migrations, tables: Object.fromEntries(d1.tables.map((t) => [t.table, t.rows.length])), bytes: d1Bytes.byteLength },
    rooms,
    roomSchema: { version: MIGRATIONS.at(-1)?.version ?? 0, migrations: MIGRATIONS.map((m) => m.version) },
    papers,
    failed,
    pruned: [],
  };
  await env.BACKUPS.put(manifestKey(id), JSON.stringify(manifest, null, 2), { httpMetadata: { contentType: "application/json" } });
  manifest.pruned = await pruneBackups(env.BACKUPS, keepCount(env));
  log("backup.done", {
    outcome: failed.length ? "partial" : "ok",
    backupId: id,
    rooms: rooms.length,
    failedRooms: failed.length,
    inconsistentRooms: rooms.filter((r) => !r.consistent).length,
    d1Bytes: d1Bytes.byteLength,
    roomBytes: rooms.reduce((n, r) => n + r.bytes, 0),
    papersCopied: papers.copied,
    papersPending: papers.pending,
    pruned: manifest.pruned.length,
    durationMs: Date.now() - started,
  });
  return manifest;
}
