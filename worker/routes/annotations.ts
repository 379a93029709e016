// §Annotations: highlights on a paper, and §Export's annotations.md. Mounted at
// /api/projects/:projectId behind the project access check; the ProjectRoom is the single writer
// (versions, seq, broadcast) and checks authorship, these handlers check role and input.
import { Hono } from "hono";
import { annotationCreateBody, annotationListQuery, annotationPatchBody, type AnnotationDto } from "../../protocol/annotations";
import type { AnnotationResult } from "../../durable-objects/project-room";
import { decodeAnnotationCursor, encodeAnnotationCursor } from "../annotations/cursors";
import { assertPageInDocument, loadProjectDocument, pathDocument } from "../annotations/document";
import { exportDisposition, renderAnnotationsMarkdown } from "../annotations/markdown";
import { notifyMentions } from "../annotations/mentions";
import { namesOf, withAuthorName, withAuthorNames } from "../annotations/people";
import type { AppEnv } from "../context";
import { errorBody, forbidden, idTaken, notFound } from "../errors";
import { requireRole } from "../middleware/project-access";
import { currentUser } from "../middleware/session";
import { validate } from "../middleware/validate";
import { projectRoom } from "../projects/room";

type Refusal = Exclude<AnnotationResult, { ok: true }>;

/** Not found and forbidden are thrown; a version conflict is answered with the current highlight. */
function refuse(refusal: Exclude<Refusal, { code: "version_conflict" }>, action: "edit" | "delete"): never {
  if (refusal.code === "not_found") throw notFound("highlight");
  throw forbidden(
    "not_author",
    action === "edit" ? "Only the author of a highlight can edit it." : "Only the author of a highlight or a project owner can delete it.",
  );
}

const conflictBody = (annotation: AnnotationDto & { authorName: string | null }) => ({
  ...errorBody("version_conflict", "Someone changed this highlight since you loaded it. Here is the current version; apply your edit to it and try again."),
  annotation,
});

export const annotationRoutes = new Hono<AppEnv>()
  .get("/documents/:documentId/annotations", validate("query", annotationListQuery), async (c) => {
    const projectId = c.req.param("projectId")!;
    const document = await pathDocument(c);
    const { limit, cursor } = c.req.valid("query");
    const page = await projectRoom(c.env, projectId).listAnnotations(document.id, limit, decodeAnnotationCursor(cursor));
    return c.json({ items: await withAuthorNames(c.var.db, page.items), nextCursor: encodeAnnotationCursor(page.next) });
  })

  .post("/documents/:documentId/annotations", requireRole("editor"), validate("json", annotationCreateBody), async (c) => {
    const projectId = c.req.param("projectId")!;
    const user = currentUser(c);
    const document = await pathDocument(c);
    const input = c.req.valid("json");
    assertPageInDocument(input.page, document.pageCount);
    const result = await projectRoom(c.env, projectId).createAnnotation({ ...input, documentId: document.id }, { userId: user.id, role: c.var.projectRole });
    if (!result.ok && result.code === "id_taken") throw idTaken("highlight");
    if (!result.ok) throw forbidden("insufficient_role", "Only a project editor or owner can highlight.");
    const annotation = result.annotation;
    // A create sent again (same client-chosen id): the stored highlight, and no second email.
    if (result.replayed) return c.json({ annotation: { ...annotation, authorName: user.name } }, 200);
    if (annotation.note) {
      await notifyMentions(c.env, c.var.db, {
        text: annotation.note,
        author: user,
        document,
        place: { projectId, documentId: document.id, page: annotation.page, anchor: `annotation-${annotation.id}` },
      });
    }
    return c.json({ annotation: { ...annotation, authorName: user.name } }, 201);
  })

  .get("/documents/:documentId/annotations.md", async (c) => {
    const projectId = c.req.param("projectId")!;
    const document = await pathDocument(c);
    const data = await projectRoom(c.env, projectId).exportDocument(document.id);
    const authorIds = [...data.annotations.map((a) => a.authorId), ...data.comments.flatMap((x) => [x.authorId, x.resolvedBy ?? x.authorId])];
    const title = document.title ?? document.filename;
    const markdown = renderAnnotationsMarkdown({ title, ...data, names: await namesOf(c.var.db, authorIds), exportedAt: new Date().toISOString() });
    return c.body(markdown, 200, {
      "Content-Type": "text/markdown; charset=utf-8",
      "Content-Disposition": exportDisposition(title),
      "Cache-Control": "private, no-store",
    });
  })

  .patch("/annotations/:annotationId", requireRole("editor"), validate("json", annotationPatchBody), async (c) => {
    const projectId = c.req.param("projectId")!;
    const user = currentUser(c);
    const { version, ...patch } = c.req.valid("json");
    const room = projectRoom(c.env, projectId);
    const before = patch.note ? await room.getAnnotation(c.req.param("annotationId")) : null;
    const result = await room.updateAnnotation(c.req.param("annotationId"), patch, version, { userId: user.id, role: c.var.projectRole });
    if (!result.ok) {
      if (result.code === "version_conflict") return c.json(conflictBody(await withAuthorName(c.var.db, result.current)), 409);
      refuse(result, "edit");
    }
    const annotation = result.annotation;
    if (patch.note && annotation.note) {
      await notifyMentions(c.env, c.var.db, {
        text: annotation.note,
        previousText: before?.note ?? null,
        author: user,
        document: await loadProjectDocument(c.var.db, projectId, annotation.documentId),
        place: { projectId, documentId: annotation.documentId, page: annotation.page, anchor: `annotation-${annotation.id}` },
      });
    }
    return c.json({ annotation: await withAuthorName(c.var.db, annotation) });
  })

  .delete("/annotations/:annotationId", async (c) => {
    const user = currentUser(c);
    const result = await projectRoom(c.env, c.req.param("projectId")!).deleteAnnotation(c.req.param("annotationId"), { userId: user.id, role: c.var.projectRole });
    if (!result.ok) refuse(result as Exclude<Refusal, { code: "version_conflict" }>, "delete");
    return c.body(null, 204);
  });
