// Deleting a paper, the one way: used by DELETE and by merging a duplicate into its original.
import { eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { documents } from "../db/schema";
import { publishEvent } from "../projects/events";
import { projectRoom } from "../projects/room";
import { releaseLinksTo } from "./duplicates";
import { toDocumentDto, type DocumentRow } from "./dto";

export async function deleteDocument(env: Env, db: Db, row: DocumentRow): Promise<void> {
  await env.PAPERS.delete(row.r2Key);
  await projectRoom(env, row.projectId).deletePages(row.id);
  await projectRoom(env, row.projectId).deleteDocumentData(row.id);
  await db.delete(documents).where(eq(documents.id, row.id)).run();
  await publishEvent(env, row.projectId, { type: "document.deleted", document: toDocumentDto(row) });
  await releaseLinksTo(env, db, row.projectId, row.id);
}
