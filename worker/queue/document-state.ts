// Document status transitions made by the parse pipeline. Every write is guarded by the
// parse generation, so a stale message from before a reparse can never overwrite newer state.
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { documents } from "../db/schema";
import { log } from "../lib/log";
import { nowIso } from "../lib/time";
import { toDocumentDto, type DocumentRow } from "../papers/dto";
import { publishEvent, statusEvent } from "../projects/events";

export interface FailureReason {
  code: string;
  message: string;
}

export async function failDocument(env: Env, db: Db, doc: DocumentRow, reason: FailureReason): Promise<void> {
  const updated = await db
    .update(documents)
    .set({ status: "failed", errorCode: reason.code, errorMessage: reason.message, updatedAt: nowIso() })
    .where(and(eq(documents.id, doc.id), eq(documents.parseGeneration, doc.parseGeneration), sql`${documents.status} != 'parsed'`))
    .returning()
    .get();
  if (!updated) return;
  log("parse.failed", { projectId: doc.projectId, documentId: doc.id, outcome: reason.code });
  await publishEvent(env, doc.projectId, statusEvent(toDocumentDto(updated)));
}
