// The paper an annotation route addresses: it must exist in the caller's project (404 otherwise).
import { and, eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { documents } from "../db/schema";
import { badRequest, notFound } from "../errors";

export async function loadProjectDocument(db: Db, projectId: string, documentId: string) {
  const row = await db
    .select()
    .from(documents)
    .where(and(eq(documents.id, documentId), eq(documents.projectId, projectId)))
    .get();
  if (!row) throw notFound("paper");
  return row;
}

/** Pages beyond the paper's length are refused once its length is known. */
export function assertPageInDocument(page: number, pageCount: number | null): void {
  if (pageCount !== null && page > pageCount) {
    throw badRequest("invalid_page", `This paper has ${pageCount} page${pageCount === 1 ? "" : "s"}; page ${page} does not exist.`);
  }
}
