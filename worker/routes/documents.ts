// §Documents: upload (single request), list, read, edit, delete, download, page text, reparse.
// Mounted at /api/projects/:projectId/documents behind the project access check.
import { and, desc, eq, lt, or, sql } from "drizzle-orm";
import { Hono } from "hono";
import { documentListQuery, documentPatchBody } from "../../protocol/documents";
import { enforceUploadQuota } from "../billing/quotas";
import { config } from "../config";
import type { AppEnv } from "../context";
import { documents } from "../db/schema";
import { AppError, notFound } from "../errors";
import { newId } from "../lib/crypto";
import { decodeCursor, pageOf } from "../lib/pagination";
import { nowIso } from "../lib/time";
import { requireRole } from "../middleware/project-access";
import { currentUser } from "../middleware/session";
import { validate } from "../middleware/validate";
import { serveDocumentFile } from "../papers/download";
import { reconcileDuplicates } from "../papers/duplicates";
import { toDocumentDto } from "../papers/dto";
import { cleanFilename, enqueueParse, ingestStoredFile } from "../papers/ingest";
import { readFormFile } from "../papers/multipart-file";
import { deleteDocument } from "../papers/remove";
import { syncSearchMeta } from "../papers/search-meta";
import { documentKey } from "../papers/storage";
import { requirePdfHead, streamToR2 } from "../papers/upload-stream";
import { publishEvent, statusEvent } from "../projects/events";
import { projectRoom } from "../projects/room";

const tooLargeForSingle = (max: number) =>
  new AppError(
    413,
    "file_too_large",
    `Files over ${Math.round(max / 1024 / 1024)} MB must use the resumable upload: POST /api/projects/:projectId/uploads.`,
  );

async function loadDocument(c: { var: AppEnv["Variables"]; req: { param(name: string): string | undefined } }) {
  const row = await c.var.db
    .select()
    .from(documents)
    .where(and(eq(documents.id, c.req.param("documentId")!), eq(documents.projectId, c.req.param("projectId")!)))
    .get();
  if (!row) throw notFound("paper");
  return row;
}

export const documentRoutes = new Hono<AppEnv>()
  .post("/", requireRole("editor"), async (c) => {
    const projectId = c.req.param("projectId")!;
    const maxBytes = config(c.env).maxUploadBytes;
    const contentType = c.req.header("Content-Type") ?? "";
    const declared = c.req.header("Content-Length") ? Number(c.req.header("Content-Length")) : null;
    if (declared !== null && declared > maxBytes + 64 * 1024) throw tooLargeForSingle(maxBytes);
    if (!c.req.raw.body) throw new AppError(400, "empty_body", "Send the PDF as the request body.");

    let filename: string;
    let body: ReadableStream<Uint8Array>;
    let knownLength: number | null = null;
    if (contentType.toLowerCase().startsWith("multipart/form-data")) {
      const file = await readFormFile(c.req.raw.body, contentType);
      filename = cleanFilename(file.filename);
      body = file.stream;
    } else {
      filename = cleanFilename(c.req.header("X-Filename"));
      body = c.req.raw.body;
      knownLength = declared;
    }
    if (knownLength !== null && knownLength > maxBytes) throw tooLargeForSingle(maxBytes);
    await enforceUploadQuota(c.env, c.var.db, projectId, knownLength ?? declared ?? 0);

    const documentId = newId();
    const key = documentKey(projectId, documentId);
    const stored = await streamToR2(c.env.PAPERS, key, await requirePdfHead(body), {
      knownLength,
      maxBytes,
      tooLarge: () => tooLargeForSingle(maxBytes),
    });
    await enforceUploadQuota(c.env, c.var.db, projectId, stored.size, () => c.env.PAPERS.delete(key));
    const result = await ingestStoredFile(c.env, c.var.db, { projectId, documentId, key, filename, ...stored, uploadedBy: currentUser(c).id });
    return result.duplicate ? c.json({ document: result.document, duplicate: true }, 200) : c.json({ document: result.document }, 201);
  })

  .get("/", validate("query", documentListQuery), async (c) => {
    const { limit, cursor, status, tag, q } = c.req.valid("query");
    const after = decodeCursor(cursor);
    const needle = q ? `%${q.replace(/[%_\\]/g, "\\$&")}%` : null;
    const rows = await c.var.db
      .select()
      .from(documents)
      .where(
        and(
          eq(documents.projectId, c.req.param("projectId")!),
          status ? eq(documents.status, status) : undefined,
          tag ? sql`exists (select 1 from json_each(${documents.tags}) where json_each.value = ${tag})` : undefined,
          needle
            ? or(
                sql`${documents.title} like ${needle} escape '\\'`,
                sql`${documents.authors} like ${needle} escape '\\'`,
                sql`${documents.filename} like ${needle} escape '\\'`,
              )
            : undefined,
          after
            ? or(lt(documents.createdAt, after.createdAt), and(eq(documents.createdAt, after.createdAt), lt(documents.id, after.id)))
            : undefined,
        ),
      )
      .orderBy(desc(documents.createdAt), desc(documents.id))
      .limit(limit + 1)
      .all();
    const page = pageOf(rows, limit);
    return c.json({ items: page.items.map(toDocumentDto), nextCursor: page.nextCursor });
  })

  .get("/:documentId", async (c) => c.json({ document: toDocumentDto(await loadDocument(c)) }))

  .patch("/:documentId", requireRole("editor"), validate("json", documentPatchBody), async (c) => {
    const row = await loadDocument(c);
    const patch = c.req.valid("json");
    const edited = new Set([...row.editedFields, ...Object.keys(patch).filter((k) => k !== "tags")]);
    const updated = await c.var.db
      .update(documents)
      .set({ ...patch, editedFields: [...edited], updatedAt: nowIso() })
      .where(eq(documents.id, row.id))
      .returning()
      .get();
    if (row.status === "parsed") await syncSearchMeta(c.env, updated!);
    const current = "title" in patch || "doi" in patch ? (await reconcileDuplicates(c.env, c.var.db, updated!)).row : updated!;
    const document = toDocumentDto(current);
    await publishEvent(c.env, row.projectId, { type: "document.updated", document });
    return c.json({ document });
  })

  .delete("/:documentId", requireRole("editor"), async (c) => {
    await deleteDocument(c.env, c.var.db, await loadDocument(c));
    return c.body(null, 204);
  })

  .get("/:documentId/file", async (c) => serveDocumentFile(c.env.PAPERS, await loadDocument(c), c.req.raw, (p) => c.executionCtx.waitUntil(p)))

  .get("/:documentId/pages/:n", async (c) => {
    const row = await loadDocument(c);
    const n = Number(c.req.param("n"));
    if (!Number.isInteger(n) || n < 1) throw new AppError(400, "invalid_page", "Pages are numbered from 1.");
    if (row.pageCount !== null && n > row.pageCount) throw notFound("page");
    const text = await projectRoom(c.env, row.projectId).getPage(row.id, n);
    if (text === null) {
      throw row.status === "parsed" ? notFound("page") : new AppError(409, "not_parsed", "This page has not been read yet; try again when parsing finishes.");
    }
    return c.json({ page: n, text });
  })

  .post("/:documentId/reparse", requireRole("editor"), async (c) => {
    const row = await loadDocument(c);
    const updated = await c.var.db
      .update(documents)
      .set({
        status: "queued",
        pagesDone: 0,
        errorCode: null,
        errorMessage: null,
        parseGeneration: sql`${documents.parseGeneration} + 1`,
        parseStartedAt: null,
        updatedAt: nowIso(),
      })
      .where(eq(documents.id, row.id))
      .returning()
      .get();
    await enqueueParse(c.env, { kind: "parse", projectId: row.projectId, documentId: row.id, generation: updated!.parseGeneration, startPage: 1 });
    const document = toDocumentDto(updated!);
    await publishEvent(c.env, row.projectId, statusEvent(document));
    return c.json({ document }, 202);
  });
