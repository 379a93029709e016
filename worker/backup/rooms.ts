// Export and replay of one project's ProjectRoom storage, chunk by chunk, so a big room never
// has to fit in one RPC message.
import type { DocumentMetaRow, ExportChunk, TablePart } from "../../durable-objects/backup";
import { projectRoom } from "../projects/room";
import { gzipLines, readLines } from "./archive";

export interface RoomHeader {
  kind: "room";
  projectId: string;
  schemaVersion: number;
  seq: number;
}

export interface RoomExport {
  bytes: Uint8Array;
  rows: Record<string, number>;
  schemaVersion: number;
  /** True when the whole room was read in one chunk or no event was written between chunks. */
  consistent: boolean;
  chunks: number;
}

/** Bytes of rows sent to the room per import call. */
const IMPORT_BATCH_BYTES = 4 * 1024 * 1024;

export async function exportRoom(env: Env, projectId: string): Promise<RoomExport> {
  const room = projectRoom(env, projectId);
  const chunks: ExportChunk[] = [];
  let chunk = await room.exportSnapshot(null);
  chunks.push(chunk);
  const rows: Record<string, number> = {};
  const first = chunk;
  async function* lines() {
    yield { kind: "room", projectId, schemaVersion: first.schemaVersion, seq: first.seq } satisfies RoomHeader;
    for (;;) {
      for (const part of chunk.parts) {
        rows[part.table] = (rows[part.table] ?? 0) + part.rows.length;
        yield part;
      }
      if (!chunk.next) return;
      // Only the current chunk is held: earlier ones are already compressed.
      chunk = await room.exportSnapshot(chunk.next);
      chunks.push({ ...chunk, parts: [] });
    }
  }
  const bytes = await gzipLines(lines());
  return { bytes, rows, schemaVersion: first.schemaVersion, consistent: chunks.length === 1 || chunk.seq === first.seq, chunks: chunks.length };
}

/** Wipes the room and refills it from a backup file; `meta` refills the paper-metadata index. */
export async function replayRoom(env: Env, projectId: string, body: ReadableStream<Uint8Array>, meta: DocumentMetaRow[]): Promise<Record<string, number>> {
  const room = projectRoom(env, projectId);
  const rows: Record<string, number> = {};
  let batch: TablePart[] = [];
  let bytes = 0;
  let reset = true;
  const send = async (extra: { meta?: DocumentMetaRow[] } = {}) => {
    const result = await room.importSnapshot({ reset, parts: batch, ...extra });
    for (const [table, n] of Object.entries(result.rows)) rows[table] = (rows[table] ?? 0) + n;
    reset = false;
    batch = [];
    bytes = 0;
  };
  for await (const line of readLines<RoomHeader | TablePart>(body)) {
    if ("kind" in line) {
      if (line.projectId !== projectId) throw new Error(`The room file belongs to project ${line.projectId}, not ${projectId}.`);
      continue;
    }
    batch.push(line);
    bytes += JSON.stringify(line.rows).length;
    if (bytes >= IMPORT_BATCH_BYTES) await send();
  }
  await send({ meta });
  return rows;
}
