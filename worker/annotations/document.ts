// The paper an annotation route addresses: it must exist in the caller's project (404 otherwise).
import { and, eq } from "drizzle-orm";
import type { Context } from "hono";
import type { AppEnv } from "../context";
import type { Db } from "../db/client";
import { documents } from "../db/schema";
import { badRequest, notFound } from "../errors";

const selectDocument = (db: Db, projectId: string, documentId: string) =>
  db
    .select()
    .from(documents)
    .where(and(eq(documents.id, documentId), eq(documents.projectId, projectId)))
    .get();

export type DocumentRow = NonNullable<Awaited<ReturnType<typeof selectDocument>>>;

export async function loadProjectDocument(db: Db, projectId: string, documentId: string): Promise<DocumentRow> {
  const row = await selectDocument(db, projectId, documentId);
  if (!row) throw notFound("paper");
  return row;
}

/** The routes that read their paper through `pathDocument`; the file, page and reparse routes load their own. */
const DOCUMENT_PATH = /^\/api\/projects\/([^/]+)\/documents\/([^/]+)\/(?:annotations(?:\.md)?|comments|references)$/;

/**
 * Starts reading the paper an annotation, comment or reference path names while the caller is
 * still being identified, so annotation and comment writes wait for one D1 round trip, not two.
 * The row is only handed out by `pathDocument`, which runs after the access check.
 */
export function prefetchPathDocument(c: Context<AppEnv>): void {
  const match = DOCUMENT_PATH.exec(c.req.path);
  if (!match) return;
  const [, projectId, documentId] = match as unknown as [string, string, string];
  const row = selectDocument(c.var.db, projectId, documentId);
  row.catch(() => undefined); // awaited later, or not at all when the request is refused first
  c.set("pathDocument", { projectId, documentId, row });
}

/** The paper :documentId of the caller's project (404 otherwise), prefetched when possible. */
export async function pathDocument(c: Context<AppEnv>): Promise<DocumentRow> {
  const projectId = c.req.param("projectId")!;
  const documentId = c.req.param("documentId")!;
  const early = c.var.pathDocument;
  if (!early || early.projectId !== projectId || early.documentId !== documentId) return loadProjectDocument(c.var.db, projectId, documentId);
  const row = await early.row;
  if (!row) throw notFound("paper");
  return row;
}

/** Pages beyond the paper's length are refused once its length is known. */
export function assertPageInDocument(page: number, pageCount: number | null): void {
  if (pageCount !== null && page > pageCount) {
    throw badRequest("invalid_page", `This paper has ${pageCount} page${pageCount === 1 ? "" : "s"}; page ${page} does not exist.`);
  }
}
