// §Documents resumable upload over R2 multipart: create, send parts (any part again), complete,
// abort. Mounted at /api/projects/:projectId/uploads behind the access check (editors and owners).
import { and, eq, sql } from "drizzle-orm";
import { Hono } from "hono";
import { uploadCreateBody } from "../../protocol/documents";
import { enforceUploadQuota } from "../billing/quotas";
import type { AppEnv } from "../context";
import { uploads } from "../db/schema";
import { AppError, badRequest, notFound } from "../errors";
import { hex, newId } from "../lib/crypto";
import { requireRole } from "../middleware/project-access";
import { currentUser } from "../middleware/session";
import { validate } from "../middleware/validate";
import { cleanFilename, ingestStoredFile } from "../papers/ingest";
import { documentKey } from "../papers/storage";
import { hasPdfMagic, notPdf } from "../papers/upload-stream";

/** Every part but the last has this size (R2 needs equal parts of at least 5 MiB). */
export const PART_SIZE = 10 * 1024 * 1024;
/** R2 allows 10,000 parts; at 10 MiB that is far beyond any paper. */
const MAX_RESUMABLE_BYTES = 5 * 1024 * 1024 * 1024;

async function loadUpload(c: { var: AppEnv["Variables"]; req: { param(name: string): string | undefined } }) {
  const row = await c.var.db
    .select()
    .from(uploads)
    .where(and(eq(uploads.id, c.req.param("uploadId")!), eq(uploads.projectId, c.req.param("projectId")!)))
    .get();
  if (!row) throw notFound("upload");
  return row;
}

export const uploadRoutes = new Hono<AppEnv>()
  .use(requireRole("editor"))
  .post("/", validate("json", uploadCreateBody), async (c) => {
    const projectId = c.req.param("projectId")!;
    const { filename, size } = c.req.valid("json");
    if (size > MAX_RESUMABLE_BYTES) throw new AppError(413, "file_too_large", "Files over 5 GB cannot be uploaded.");
    await enforceUploadQuota(c.env, c.var.db, projectId, size);
    const documentId = newId();
    const key = documentKey(projectId, documentId);
    const multipart = await c.env.PAPERS.createMultipartUpload(key, { httpMetadata: { contentType: "application/pdf" } });
    const id = newId();
    const parts = Math.max(1, Math.ceil(size / PART_SIZE));
    await c.var.db
      .insert(uploads)
      .values({ id, projectId, userId: currentUser(c).id, documentId, r2Key: key, r2UploadId: multipart.uploadId, filename: cleanFilename(filename), size, partSize: PART_SIZE })
      .run();
    return c.json({ uploadId: id, partSize: PART_SIZE, parts }, 201);
  })

  .put("/:uploadId/parts/:partNumber", async (c) => {
    const upload = await loadUpload(c);
    const partCount = Math.max(1, Math.ceil(upload.size / upload.partSize));
    const partNumber = Number(c.req.param("partNumber"));
    if (!Number.isInteger(partNumber) || partNumber < 1 || partNumber > partCount) {
      throw badRequest("invalid_part", `Parts are numbered 1 to ${partCount}.`);
    }
    const expected = partNumber < partCount ? upload.partSize : upload.size - upload.partSize * (partCount - 1);
    const length = Number(c.req.header("Content-Length"));
    if (length !== expected) {
      throw badRequest("invalid_part_size", `Part ${partNumber} must be exactly ${expected} bytes (got ${Number.isFinite(length) ? length : "no Content-Length"}).`);
    }
    let body: ReadableStream<Uint8Array> | ArrayBuffer | null = c.req.raw.body;
    if (!body) throw badRequest("empty_body", "Send the part's bytes as the request body.");
    if (partNumber === 1) {
      // The first part carries the header: refuse a non-PDF before storing anything.
      const bytes = await c.req.arrayBuffer();
      if (!hasPdfMagic(new Uint8Array(bytes, 0, Math.min(bytes.byteLength, 1024)))) throw notPdf();
      body = bytes;
    }
    const multipart = c.env.PAPERS.resumeMultipartUpload(upload.r2Key, upload.r2UploadId);
    const part = await multipart.uploadPart(partNumber, body);
    // json_set keeps concurrent part uploads from overwriting each other's etags.
    await c.var.db
      .update(uploads)
      .set({ parts: sql`json_set(${uploads.parts}, ${`$."${partNumber}"`}, ${part.etag})` })
      .where(eq(uploads.id, upload.id))
      .run();
    return c.json({ etag: part.etag });
  })

  .post("/:uploadId/complete", async (c) => {
    const upload = await loadUpload(c);
    const partCount = Math.max(1, Math.ceil(upload.size / upload.partSize));
    const missing = Array.from({ length: partCount }, (_, i) => i + 1).filter((n) => !upload.parts[String(n)]);
    if (missing.length) throw new AppError(409, "parts_missing", `Parts still missing: ${missing.slice(0, 20).join(", ")}.`);
    const multipart = c.env.PAPERS.resumeMultipartUpload(upload.r2Key, upload.r2UploadId);
    await multipart.complete(Array.from({ length: partCount }, (_, i) => ({ partNumber: i + 1, etag: upload.parts[String(i + 1)]! })));
    // The hash of the whole file, read back from R2 as a stream (never whole in memory).
    const object = await c.env.PAPERS.get(upload.r2Key);
    if (!object) throw new AppError(500, "upload_lost", "The assembled file could not be read back.");
    await enforceUploadQuota(c.env, c.var.db, upload.projectId, object.size, () =>
      Promise.all([object.body.cancel(), c.env.PAPERS.delete(upload.r2Key), c.var.db.delete(uploads).where(eq(uploads.id, upload.id)).run()]),
    );
    const digest = new crypto.DigestStream("SHA-256");
    await object.body.pipeTo(digest);
    const sha256 = hex(await digest.digest);
    await c.var.db.delete(uploads).where(eq(uploads.id, upload.id)).run();
    const result = await ingestStoredFile(c.env, c.var.db, {
      projectId: upload.projectId,
      documentId: upload.documentId,
      key: upload.r2Key,
      filename: upload.filename,
      size: object.size,
      sha256,
      uploadedBy: upload.userId,
    });
    return result.duplicate ? c.json({ document: result.document, duplicate: true }, 200) : c.json({ document: result.document }, 201);
  })

  .delete("/:uploadId", async (c) => {
    const upload = await loadUpload(c);
    await c.env.PAPERS.resumeMultipartUpload(upload.r2Key, upload.r2UploadId).abort().catch(() => undefined);
    await c.var.db.delete(uploads).where(eq(uploads.id, upload.id)).run();
    return c.body(null, 204);
  });
