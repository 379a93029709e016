// The room's annotation and comment functions over a real Durable Object's SQLite.
import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import * as annotations from "../../durable-objects/annotations";
import * as comments from "../../durable-objects/comments";
import type { Actor } from "../../durable-objects/room-writes";
import type { AnnotationDto, CommentDto } from "../../protocol/annotations";

const freshRoom = () => env.PROJECT_ROOM.get(env.PROJECT_ROOM.idFromName(`unit-${crypto.randomUUID()}`));
const T0 = Date.UTC(2026, 0, 1);
const owner: Actor = { userId: "owner", role: "owner" };
const editor: Actor = { userId: "editor", role: "editor" };
const viewer: Actor = { userId: "viewer", role: "viewer" };

const input = (page: number, y: number, x = 0.1): annotations.AnnotationInput => ({
  documentId: "d1", page, quote: `p${page}y${y}x${x}`, prefix: "", suffix: "", rects: [{ x, y, w: 0.1, h: 0.01 }], color: "yellow", note: null,
});

function ok<T extends { ok: boolean }>(result: T): Extract<T, { ok: true }> {
  expect(result.ok).toBe(true);
  return result as Extract<T, { ok: true }>;
}

describe("annotations", () => {
  it("creates, updates with versions, and deletes, each with one event", async () => {
    await runInDurableObject(freshRoom(), (_room, state) => {
      const sql = state.storage.sql;
      const created = annotations.createAnnotation(sql, input(1, 0.5), editor, T0, "a1");
      const a = ok(created.result).annotation;
      expect(a).toMatchObject({ id: "a1", authorId: "editor", version: 1, createdAt: new Date(T0).toISOString() });
      expect(created.events).toEqual([{ type: "annotation.created", annotation: a }]);

      const updated = annotations.updateAnnotation(sql, "a1", { note: "n" }, 1, editor, T0 + 1);
      expect(ok(updated.result).annotation).toMatchObject({ note: "n", color: "yellow", version: 2, updatedAt: new Date(T0 + 1).toISOString() });
      expect(updated.events).toHaveLength(1);

      const stale = annotations.updateAnnotation(sql, "a1", { note: "x" }, 1, editor, T0 + 2);
      expect(stale).toEqual({ result: { ok: false, code: "version_conflict", current: expect.objectContaining({ note: "n", version: 2 }) }, events: [] });
      expect(annotations.updateAnnotation(sql, "a1", { note: "x" }, 2, owner, T0).result).toEqual({ ok: false, code: "forbidden" });
      expect(annotations.updateAnnotation(sql, "zz", { note: "x" }, 1, editor, T0).result).toEqual({ ok: false, code: "not_found" });
      expect(annotations.deleteAnnotation(sql, "a1", { userId: "other", role: "editor" }, T0).result).toEqual({ ok: false, code: "forbidden" });

      const deleted = annotations.deleteAnnotation(sql, "a1", owner, T0 + 3);
      expect(deleted.events).toEqual([{ type: "annotation.deleted", annotation: expect.objectContaining({ id: "a1", documentId: "d1", version: 3 }) }]);
      expect(annotations.getAnnotation(sql, "a1")).toBeNull();
    });
  });

  it("refuses viewers", async () => {
    await runInDurableObject(freshRoom(), (_room, state) => {
      expect(annotations.createAnnotation(state.storage.sql, input(1, 0.1), viewer, T0, "a1")).toEqual({ result: { ok: false, code: "forbidden" }, events: [] });
    });
  });

  it("lists in reading order by the top-most rect, with cursors", async () => {
    await runInDurableObject(freshRoom(), (_room, state) => {
      const sql = state.storage.sql;
      const spots: [number, number, number][] = [[2, 0.1, 0.1], [1, 0.6, 0.1], [1, 0.3, 0.7], [1, 0.3, 0.2]];
      spots.forEach(([p, y, x], i) => annotations.createAnnotation(sql, input(p, y, x), editor, T0, `a${i}`));
      // A second rect higher up moves a highlight up.
      annotations.createAnnotation(sql, { ...input(1, 0.9), rects: [{ x: 0.5, y: 0.9, w: 0.1, h: 0.1 }, { x: 0.5, y: 0.05, w: 0.1, h: 0.1 }] }, editor, T0, "top");
      const quotes = (list: AnnotationDto[]) => list.map((a) => a.id);
      expect(quotes(annotations.allAnnotations(sql, "d1"))).toEqual(["top", "a3", "a2", "a1", "a0"]);
      const first = annotations.listAnnotations(sql, "d1", 2);
      expect(quotes(first.items)).toEqual(["top", "a3"]);
      const second = annotations.listAnnotations(sql, "d1", 2, first.next);
      expect(quotes(second.items)).toEqual(["a2", "a1"]);
      const third = annotations.listAnnotations(sql, "d1", 2, second.next);
      expect(quotes(third.items)).toEqual(["a0"]);
      expect(third.next).toBeNull();
      expect(annotations.readingPosition([{ x: 0.4, y: 0.2, w: 0, h: 0 }, { x: 0.1, y: 0.2, w: 0, h: 0 }])).toEqual({ x: 0.1, y: 0.2 });
    });
  });
});

describe("comments", () => {
  it("attaches replies to the thread root and its highlight, and checks documents", async () => {
    await runInDurableObject(freshRoom(), (_room, state) => {
      const sql = state.storage.sql;
      annotations.createAnnotation(sql, input(1, 0.1), editor, T0, "a1");
      const c = (body: string, parentId: string | null, annotationId: string | null = null, documentId = "d1") =>
        comments.createComment(sql, { documentId, annotationId, parentId, body }, viewer, T0, crypto.randomUUID()).result;
      const root = ok(c("root", null, "a1")).comment;
      const reply = ok(c("reply", root.id)).comment;
      const nested = ok(c("nested", reply.id)).comment;
      expect(nested).toMatchObject({ parentId: root.id, annotationId: "a1" });
      expect(c("elsewhere", root.id, null, "d2")).toEqual({ ok: false, code: "invalid_parent" });
      expect(c("x", null, "a1", "d2")).toEqual({ ok: false, code: "invalid_annotation" });
      expect(c("x", null, "missing")).toEqual({ ok: false, code: "invalid_annotation" });
      const paper = ok(c("paper", null)).comment;
      expect(comments.listComments(sql, "d1", 10, 0, { annotationId: null }).items.map((x: CommentDto) => x.id)).toEqual([paper.id]);
      expect(comments.listComments(sql, "d1", 10, 0, { annotationId: "a1" }).items).toHaveLength(3);
      const page = comments.listComments(sql, "d1", 2);
      expect(page.items.map((x) => x.body)).toEqual(["root", "reply"]);
      expect(comments.listComments(sql, "d1", 2, page.next!).items.map((x) => x.body)).toEqual(["nested", "paper"]);
    });
  });

  it("edits by author or owner, resolves roots, and cascades deletes", async () => {
    await runInDurableObject(freshRoom(), (_room, state) => {
      const sql = state.storage.sql;
      annotations.createAnnotation(sql, input(1, 0.1), editor, T0, "a1");
      comments.createComment(sql, { documentId: "d1", annotationId: "a1", parentId: null, body: "root" }, viewer, T0, "r");
      comments.createComment(sql, { documentId: "d1", annotationId: null, parentId: "r", body: "reply" }, editor, T0, "s");
      expect(comments.updateComment(sql, "r", "x", undefined, editor, T0).result).toEqual({ ok: false, code: "forbidden" });
      expect(ok(comments.updateComment(sql, "r", "by owner", 1, owner, T0 + 5).result).comment).toMatchObject({ body: "by owner", version: 2, editedAt: new Date(T0 + 5).toISOString() });
      expect(comments.updateComment(sql, "r", "x", 1, viewer, T0).result).toMatchObject({ ok: false, code: "version_conflict", current: { version: 2 } });

      const resolved = comments.setResolved(sql, "s", true, editor, T0 + 6);
      expect(ok(resolved.result).comment).toMatchObject({ id: "r", resolvedBy: "editor", version: 3 });
      expect(comments.setResolved(sql, "r", true, viewer, T0 + 7).events).toEqual([]);
      expect(ok(comments.setResolved(sql, "r", false, viewer, T0 + 8).result).comment).toMatchObject({ resolvedAt: null, version: 4 });

      const gone = annotations.deleteAnnotation(sql, "a1", editor, T0 + 9);
      expect(gone.events.map((e) => e.type)).toEqual(["comment.deleted", "comment.deleted", "annotation.deleted"]);
      expect(gone.events.map((e) => ("comment" in e ? e.comment.id : e.type))).toEqual(["s", "r", "annotation.deleted"]);
      expect(comments.getComment(sql, "r")).toBeNull();
    });
  });

  it("deletes a document's data and nothing else", async () => {
    await runInDurableObject(freshRoom(), (_room, state) => {
      const sql = state.storage.sql;
      annotations.createAnnotation(sql, input(1, 0.1), editor, T0, "a1");
      annotations.createAnnotation(sql, { ...input(1, 0.1), documentId: "d2" }, editor, T0, "a2");
      comments.createComment(sql, { documentId: "d1", annotationId: "a1", parentId: null, body: "x" }, viewer, T0, "c1");
      comments.createComment(sql, { documentId: "d1", annotationId: null, parentId: null, body: "y" }, viewer, T0, "c2");
      expect(annotations.deleteDocumentData(sql, "d1")).toEqual({ annotations: 1, comments: 2 });
      expect(annotations.getAnnotation(sql, "a2")).not.toBeNull();
      expect(annotations.deleteDocumentData(sql, "d1")).toEqual({ annotations: 0, comments: 0 });
    });
  });
});
