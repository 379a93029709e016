// A project's highlights, stored in the room's SQLite. Plain functions: each returns its result
// and the durable events it causes; the room commits both together and then broadcasts.
import type { AnnotationCreate, AnnotationDto, AnnotationPatch, Rect } from "../protocol/annotations";
import { commentsOfAnnotationDeleted } from "./comments";
import type { Sql } from "./room-storage";
import { type Actor, isAuthorOrOwner, isoAt, noEvents, type Write } from "./room-writes";

export type AnnotationResult =
  | { ok: true; annotation: AnnotationDto; /** A repeated create: nothing was written. */ replayed?: true }
  | { ok: false; code: "not_found" | "forbidden" | "id_taken" }
  | { ok: false; code: "version_conflict"; current: AnnotationDto };

export type AnnotationInput = AnnotationCreate & { documentId: string };

/** Reading-order position: page, then the top-most rect's y, then its x, then creation. */
export type AnnotationCursor = [page: number, y: number, x: number, ord: number];

interface Row extends Record<string, SqlStorageValue> {
  ord: number;
  id: string;
  document_id: string;
  page: number;
  quote: string;
  prefix: string;
  suffix: string;
  rects: string;
  color: string;
  note: string | null;
  author_id: string;
  created_at: string;
  updated_at: string;
  version: number;
  sort_y: number;
  sort_x: number;
}

function toDto(row: Row): AnnotationDto {
  return {
    id: row.id,
    documentId: row.document_id,
    page: row.page,
    quote: row.quote,
    prefix: row.prefix,
    suffix: row.suffix,
    rects: JSON.parse(row.rects) as Rect[],
    color: row.color as AnnotationDto["color"],
    note: row.note,
    authorId: row.author_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

/** The top-most rect (ties: left-most) decides where a highlight sits in reading order. */
export function readingPosition(rects: readonly Rect[]): { y: number; x: number } {
  let best = rects[0] ?? { x: 0, y: 0 };
  for (const r of rects) if (r.y < best.y || (r.y === best.y && r.x < best.x)) best = r;
  return { y: best.y, x: best.x };
}

function row(sql: Sql, id: string): Row | undefined {
  return sql.exec<Row>("SELECT * FROM annotations WHERE id = ?", id).toArray()[0];
}

export function getAnnotation(sql: Sql, id: string): AnnotationDto | null {
  const found = row(sql, id);
  return found ? toDto(found) : null;
}

export function listAnnotations(sql: Sql, documentId: string, limit: number, after: AnnotationCursor | null = null) {
  const rows = after
    ? sql.exec<Row>(
        `SELECT * FROM annotations WHERE document_id = ? AND (page, sort_y, sort_x, ord) > (?, ?, ?, ?)
         ORDER BY page, sort_y, sort_x, ord LIMIT ?`,
        documentId,
        ...after,
        limit + 1,
      )
    : sql.exec<Row>("SELECT * FROM annotations WHERE document_id = ? ORDER BY page, sort_y, sort_x, ord LIMIT ?", documentId, limit + 1);
  const all = rows.toArray();
  const items = all.slice(0, limit);
  const last = items.at(-1);
  const next: AnnotationCursor | null = all.length > limit && last ? [last.page, last.sort_y, last.sort_x, last.ord] : null;
  return { items: items.map(toDto), next };
}

/** Every highlight of a document in reading order (the Markdown export). */
export function allAnnotations(sql: Sql, documentId: string): AnnotationDto[] {
  return sql.exec<Row>("SELECT * FROM annotations WHERE document_id = ? ORDER BY page, sort_y, sort_x, ord", documentId).toArray().map(toDto);
}

export function createAnnotation(sql: Sql, input: AnnotationInput, actor: Actor, now: number, id: string): Write<AnnotationResult> {
  if (actor.role === "viewer") return noEvents({ ok: false, code: "forbidden" });
  // A client-chosen id seen before: the same author's create sent again → the stored highlight.
  const existing = row(sql, id);
  if (existing) {
    if (existing.author_id !== actor.userId || existing.document_id !== input.documentId) return noEvents({ ok: false, code: "id_taken" });
    return noEvents({ ok: true, annotation: toDto(existing), replayed: true });
  }
  const at = isoAt(now);
  const { y, x } = readingPosition(input.rects);
  sql.exec(
    `INSERT INTO annotations (id, document_id, page, quote, prefix, suffix, rects, color, note, author_id, created_at, updated_at, version, sort_y, sort_x)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`,
    id, input.documentId, input.page, input.quote, input.prefix, input.suffix, JSON.stringify(input.rects), input.color,
    input.note, actor.userId, at, at, y, x,
  );
  const annotation = toDto(row(sql, id)!);
  return { result: { ok: true, annotation }, events: [{ type: "annotation.created", annotation }] };
}

/** Only the author edits a highlight; a stale `expectedVersion` gets the current one back. */
export function updateAnnotation(sql: Sql, id: string, patch: AnnotationPatch, expectedVersion: number, actor: Actor, now: number): Write<AnnotationResult> {
  const found = row(sql, id);
  if (!found) return noEvents({ ok: false, code: "not_found" });
  if (found.author_id !== actor.userId) return noEvents({ ok: false, code: "forbidden" });
  if (found.version !== expectedVersion) return noEvents({ ok: false, code: "version_conflict", current: toDto(found) });
  sql.exec(
    "UPDATE annotations SET color = ?, note = ?, updated_at = ?, version = version + 1 WHERE id = ?",
    patch.color ?? found.color,
    patch.note === undefined ? found.note : patch.note,
    isoAt(now),
    id,
  );
  const annotation = toDto(row(sql, id)!);
  return { result: { ok: true, annotation }, events: [{ type: "annotation.updated", annotation }] };
}

/** The author or an owner deletes a highlight, and with it the threads hanging on it. */
export function deleteAnnotation(sql: Sql, id: string, actor: Actor, now: number): Write<AnnotationResult> {
  const found = row(sql, id);
  if (!found) return noEvents({ ok: false, code: "not_found" });
  if (!isAuthorOrOwner(actor, found.author_id)) return noEvents({ ok: false, code: "forbidden" });
  const threadEvents = commentsOfAnnotationDeleted(sql, id);
  sql.exec("DELETE FROM annotations WHERE id = ?", id);
  const annotation = { ...toDto(found), updatedAt: isoAt(now), version: found.version + 1 };
  return { result: { ok: true, annotation }, events: [...threadEvents, { type: "annotation.deleted", annotation }] };
}

/** Drops a deleted document's highlights and comments (no events: `document.deleted` says it all). */
export function deleteDocumentData(sql: Sql, documentId: string): { annotations: number; comments: number } {
  // Counted through RETURNING: rowsWritten would also count index entries.
  const comments = sql.exec("DELETE FROM comments WHERE document_id = ? RETURNING ord", documentId).toArray().length;
  const annotations = sql.exec("DELETE FROM annotations WHERE document_id = ? RETURNING ord", documentId).toArray().length;
  return { annotations, comments };
}
