// Comment threads on a highlight or on a paper, stored in the room's SQLite. A thread is a root
// comment and its replies, one level deep: a reply to a reply attaches to the root.
import type { CommentDto } from "../protocol/annotations";
import type { DurableEventInput } from "../protocol/realtime";
import type { Sql } from "./room-storage";
import { type Actor, isAuthorOrOwner, isoAt, noEvents, type Write } from "./room-writes";

export type CommentResult =
  | { ok: true; comment: CommentDto; /** A repeated create: nothing was written. */ replayed?: true }
  | { ok: false; code: "not_found" | "forbidden" | "invalid_parent" | "invalid_annotation" | "id_taken" }
  | { ok: false; code: "version_conflict"; current: CommentDto };

export interface CommentInput {
  documentId: string;
  annotationId: string | null;
  parentId: string | null;
  body: string;
  /** Chosen by the client to make a repeated create harmless; a fresh one when absent. */
  id?: string;
}

/** `annotationId: null` keeps only paper-level threads; undefined keeps all. */
export interface CommentFilter {
  annotationId?: string | null;
}

interface Row extends Record<string, SqlStorageValue> {
  ord: number;
  id: string;
  document_id: string;
  annotation_id: string | null;
  parent_id: string | null;
  body: string;
  author_id: string;
  created_at: string;
  edited_at: string | null;
  version: number;
  resolved_at: string | null;
  resolved_by: string | null;
}

function toDto(row: Row): CommentDto {
  return {
    id: row.id,
    documentId: row.document_id,
    annotationId: row.annotation_id,
    parentId: row.parent_id,
    body: row.body,
    authorId: row.author_id,
    createdAt: row.created_at,
    editedAt: row.edited_at,
    version: row.version,
    resolvedAt: row.resolved_at,
    resolvedBy: row.resolved_by,
  };
}

function row(sql: Sql, id: string): Row | undefined {
  return sql.exec<Row>("SELECT * FROM comments WHERE id = ?", id).toArray()[0];
}

export function getComment(sql: Sql, id: string): CommentDto | null {
  const found = row(sql, id);
  return found ? toDto(found) : null;
}

/** A document's comments in creation order (threads are grouped by the client via parentId). */
export function listComments(sql: Sql, documentId: string, limit: number, afterOrd = 0, filter: CommentFilter = {}) {
  const where = ["document_id = ?", "ord > ?"];
  const params: SqlStorageValue[] = [documentId, afterOrd];
  if (filter.annotationId === null) where.push("annotation_id IS NULL");
  else if (filter.annotationId !== undefined) {
    where.push("annotation_id = ?");
    params.push(filter.annotationId);
  }
  const all = sql.exec<Row>(`SELECT * FROM comments WHERE ${where.join(" AND ")} ORDER BY ord LIMIT ?`, ...params, limit + 1).toArray();
  const items = all.slice(0, limit);
  const last = items.at(-1);
  return { items: items.map(toDto), next: all.length > limit && last ? last.ord : null };
}

export function allComments(sql: Sql, documentId: string): CommentDto[] {
  return sql.exec<Row>("SELECT * FROM comments WHERE document_id = ? ORDER BY ord", documentId).toArray().map(toDto);
}

export function createComment(sql: Sql, input: CommentInput, actor: Actor, now: number, id: string): Write<CommentResult> {
  // A client-chosen id seen before: the same author's create sent again → the stored comment.
  const existing = row(sql, id);
  if (existing) {
    if (existing.author_id !== actor.userId || existing.document_id !== input.documentId) return noEvents({ ok: false, code: "id_taken" });
    return noEvents({ ok: true, comment: toDto(existing), replayed: true });
  }
  let annotationId = input.annotationId;
  let parentId = input.parentId;
  if (parentId !== null) {
    const parent = row(sql, parentId);
    if (!parent || parent.document_id !== input.documentId) return noEvents({ ok: false, code: "invalid_parent" });
    // A reply joins the parent's thread: its root and the root's highlight.
    parentId = parent.parent_id ?? parent.id;
    if (annotationId !== null && annotationId !== parent.annotation_id) return noEvents({ ok: false, code: "invalid_parent" });
    annotationId = parent.annotation_id;
  } else if (annotationId !== null) {
    const anchor = sql.exec<{ document_id: string }>("SELECT document_id FROM annotations WHERE id = ?", annotationId).toArray()[0];
    if (!anchor || anchor.document_id !== input.documentId) return noEvents({ ok: false, code: "invalid_annotation" });
  }
  sql.exec(
    `INSERT INTO comments (id, document_id, annotation_id, parent_id, body, author_id, created_at, version)
     VALUES (?, ?, ?, ?, ?, ?, ?, 1)`,
    id, input.documentId, annotationId, parentId, input.body, actor.userId, isoAt(now),
  );
  const comment = toDto(row(sql, id)!);
  return { result: { ok: true, comment }, events: [{ type: "comment.created", comment }] };
}

/** The author or an owner edits; `expectedVersion`, when given, must be the current one. */
export function updateComment(sql: Sql, id: string, body: string, expectedVersion: number | undefined, actor: Actor, now: number): Write<CommentResult> {
  const found = row(sql, id);
  if (!found) return noEvents({ ok: false, code: "not_found" });
  if (!isAuthorOrOwner(actor, found.author_id)) return noEvents({ ok: false, code: "forbidden" });
  if (expectedVersion !== undefined && found.version !== expectedVersion) return noEvents({ ok: false, code: "version_conflict", current: toDto(found) });
  sql.exec("UPDATE comments SET body = ?, edited_at = ?, version = version + 1 WHERE id = ?", body, isoAt(now), id);
  const comment = toDto(row(sql, id)!);
  return { result: { ok: true, comment }, events: [{ type: "comment.updated", comment }] };
}

/** Resolves or reopens the thread `id` belongs to; any member who may comment may do it. */
export function setResolved(sql: Sql, id: string, resolved: boolean, actor: Actor, now: number): Write<CommentResult> {
  const found = row(sql, id);
  if (!found) return noEvents({ ok: false, code: "not_found" });
  const root = found.parent_id === null ? found : row(sql, found.parent_id);
  if (!root) return noEvents({ ok: false, code: "not_found" });
  // Already in the wanted state: nothing changes and nothing is announced.
  if ((root.resolved_at !== null) === resolved) return noEvents({ ok: true, comment: toDto(root) });
  sql.exec(
    "UPDATE comments SET resolved_at = ?, resolved_by = ?, version = version + 1 WHERE id = ?",
    resolved ? isoAt(now) : null,
    resolved ? actor.userId : null,
    root.id,
  );
  const comment = toDto(row(sql, root.id)!);
  return { result: { ok: true, comment }, events: [{ type: "comment.updated", comment }] };
}

/** Deleted rows announced as their last state with the version bumped past every earlier event. */
function removeAll(sql: Sql, rows: Row[]): DurableEventInput[] {
  const events: DurableEventInput[] = [];
  for (const r of rows) {
    sql.exec("DELETE FROM comments WHERE id = ?", r.id);
    events.push({ type: "comment.deleted", comment: { ...toDto(r), version: r.version + 1 } });
  }
  return events;
}

/** The author or an owner deletes a comment; deleting a thread root deletes its replies too. */
export function deleteComment(sql: Sql, id: string, actor: Actor): Write<CommentResult> {
  const found = row(sql, id);
  if (!found) return noEvents({ ok: false, code: "not_found" });
  if (!isAuthorOrOwner(actor, found.author_id)) return noEvents({ ok: false, code: "forbidden" });
  const replies = found.parent_id === null ? sql.exec<Row>("SELECT * FROM comments WHERE parent_id = ? ORDER BY ord", id).toArray() : [];
  const events = removeAll(sql, [...replies, found]);
  return { result: { ok: true, comment: { ...toDto(found), version: found.version + 1 } }, events };
}

/** Removes every thread on a highlight being deleted; returns their `comment.deleted` events. */
export function commentsOfAnnotationDeleted(sql: Sql, annotationId: string): DurableEventInput[] {
  // Replies first, then roots, so a client never holds a reply whose root is gone.
  const rows = sql.exec<Row>("SELECT * FROM comments WHERE annotation_id = ? ORDER BY parent_id IS NULL, ord", annotationId).toArray();
  return removeAll(sql, rows);
}
