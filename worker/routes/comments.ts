// §Annotations and comments: threads on a highlight or on a paper, replies, edits, resolve and
// reopen, @mentions. Mounted at /api/projects/:projectId behind the project access check; every
// member (viewers too) may comment, the ProjectRoom checks authorship and versions.
import { Hono } from "hono";
import { commentCreateBody, commentListQuery, commentPatchBody, type CommentDto } from "../../protocol/annotations";
import type { Actor, CommentResult } from "../../durable-objects/project-room";
import { decodeCommentCursor, encodeCommentCursor } from "../annotations/cursors";
import { loadProjectDocument, pathDocument } from "../annotations/document";
import { notifyMentions } from "../annotations/mentions";
import { withAuthorName, withAuthorNames } from "../annotations/people";
import type { AppEnv, AuthUser } from "../context";
import { badRequest, errorBody, forbidden, idTaken, notFound } from "../errors";
import { currentUser } from "../middleware/session";
import { validate } from "../middleware/validate";
import { projectRoom } from "../projects/room";

type Refusal = Exclude<CommentResult, { ok: true } | { code: "version_conflict" }>;

function refuse(refusal: Refusal, action: "edit" | "delete" | "reply"): never {
  switch (refusal.code) {
    case "not_found":
      throw notFound("comment");
    case "forbidden":
      throw forbidden("not_author", `Only the author of a comment or a project owner can ${action} it.`);
    case "invalid_parent":
      throw badRequest("invalid_parent", "parentId must be a comment on the same paper (and on the same highlight, when annotationId is given).");
    case "invalid_annotation":
      throw badRequest("invalid_annotation", "annotationId must be a highlight on this paper.");
    case "id_taken":
      throw idTaken("comment");
  }
}

const actorOf = (user: AuthUser, role: Actor["role"]): Actor => ({ userId: user.id, role });

/** Emails the people newly mentioned in a comment, linking to its place in the reader. */
async function mentionFrom(c: { env: Env; var: AppEnv["Variables"] }, projectId: string, comment: CommentDto, author: AuthUser, previousText: string | null) {
  if (!comment.body.includes("@")) return;
  const room = projectRoom(c.env, projectId);
  const [document, anchor] = await Promise.all([
    loadProjectDocument(c.var.db, projectId, comment.documentId),
    comment.annotationId ? room.getAnnotation(comment.annotationId) : null,
  ]);
  await notifyMentions(c.env, c.var.db, {
    text: comment.body,
    previousText,
    author,
    document,
    place: { projectId, documentId: document.id, page: anchor?.page ?? null, anchor: `comment-${comment.id}` },
  });
}

export const commentRoutes = new Hono<AppEnv>()
  .get("/documents/:documentId/comments", validate("query", commentListQuery), async (c) => {
    const projectId = c.req.param("projectId")!;
    const document = await pathDocument(c);
    const { limit, cursor, annotationId } = c.req.valid("query");
    const filter = annotationId === undefined ? {} : { annotationId: annotationId === "none" ? null : annotationId };
    const page = await projectRoom(c.env, projectId).listComments(document.id, limit, decodeCommentCursor(cursor), filter);
    return c.json({ items: await withAuthorNames(c.var.db, page.items), nextCursor: encodeCommentCursor(page.next) });
  })

  .post("/documents/:documentId/comments", validate("json", commentCreateBody), async (c) => {
    const projectId = c.req.param("projectId")!;
    const user = currentUser(c);
    const document = await pathDocument(c);
    const { body, annotationId = null, parentId = null, id } = c.req.valid("json");
    const result = await projectRoom(c.env, projectId).createComment({ documentId: document.id, annotationId, parentId, body, id }, actorOf(user, c.var.projectRole));
    if (!result.ok) refuse(result as Refusal, "reply");
    // A create sent again (same client-chosen id): the stored comment, and no second email.
    if (result.replayed) return c.json({ comment: { ...result.comment, authorName: user.name } }, 200);
    await mentionFrom(c, projectId, result.comment, user, null);
    return c.json({ comment: { ...result.comment, authorName: user.name } }, 201);
  })

  .patch("/comments/:commentId", validate("json", commentPatchBody), async (c) => {
    const projectId = c.req.param("projectId")!;
    const user = currentUser(c);
    const { body, version } = c.req.valid("json");
    const room = projectRoom(c.env, projectId);
    const before = body.includes("@") ? await room.getComment(c.req.param("commentId")) : null;
    const result = await room.updateComment(c.req.param("commentId"), body, version, actorOf(user, c.var.projectRole));
    if (!result.ok) {
      if (result.code === "version_conflict") {
        const comment = await withAuthorName(c.var.db, result.current);
        return c.json({ ...errorBody("version_conflict", "Someone changed this comment since you loaded it. Here is the current version."), comment }, 409);
      }
      refuse(result, "edit");
    }
    await mentionFrom(c, projectId, result.comment, user, before?.body ?? null);
    return c.json({ comment: await withAuthorName(c.var.db, result.comment) });
  })

  .delete("/comments/:commentId", async (c) => {
    const user = currentUser(c);
    const result = await projectRoom(c.env, c.req.param("projectId")!).deleteComment(c.req.param("commentId"), actorOf(user, c.var.projectRole));
    if (!result.ok) refuse(result as Refusal, "delete");
    return c.body(null, 204);
  })

  // Resolve and reopen act on the whole thread: addressed through a reply, they change its root.
  .post("/comments/:commentId/resolve", async (c) => {
    const user = currentUser(c);
    const result = await projectRoom(c.env, c.req.param("projectId")!).setCommentResolved(c.req.param("commentId"), true, actorOf(user, c.var.projectRole));
    if (!result.ok) refuse(result as Refusal, "edit");
    return c.json({ comment: await withAuthorName(c.var.db, result.comment) });
  })

  .post("/comments/:commentId/reopen", async (c) => {
    const user = currentUser(c);
    const result = await projectRoom(c.env, c.req.param("projectId")!).setCommentResolved(c.req.param("commentId"), false, actorOf(user, c.var.projectRole));
    if (!result.ok) refuse(result as Refusal, "edit");
    return c.json({ comment: await withAuthorName(c.var.db, result.comment) });
  });
