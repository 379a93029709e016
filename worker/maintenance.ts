// Scheduled upkeep: abandoned resumable uploads, parses that stopped moving, expired rows.
import { and, eq, inArray, lt } from "drizzle-orm";
import { pruneExpiredLeases } from "./abuse/user-leases";
import type { Db } from "./db/client";
import { documents, emailTokens, loginLockouts, sessions, uploads } from "./db/schema";
import { log } from "./lib/log";
import { nowIso } from "./lib/time";
import { enqueueParse } from "./papers/ingest";
import { failDocument } from "./queue/document-state";

const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000).toISOString();

/** Aborts resumable uploads left unfinished for a day. */
export async function abortAbandonedUploads(env: Env, db: Db, olderThanIso = hoursAgo(24)): Promise<number> {
  const stale = await db.select().from(uploads).where(lt(uploads.createdAt, olderThanIso)).all();
  for (const upload of stale) {
    await env.PAPERS.resumeMultipartUpload(upload.r2Key, upload.r2UploadId).abort().catch(() => undefined);
    await db.delete(uploads).where(eq(uploads.id, upload.id)).run();
  }
  return stale.length;
}

/**
 * Documents stuck in queued/parsing (a lost message, a crashed consumer) are sent again from
 * the last committed page; after `giveUpHours` of trying they are failed with a reason.
 */
export async function sweepStuckParses(env: Env, db: Db, opts = { quietMinutes: 15, giveUpHours: 2 }): Promise<{ requeued: number; failed: number }> {
  const quietSince = new Date(Date.now() - opts.quietMinutes * 60_000).toISOString();
  const stuck = await db
    .select()
    .from(documents)
    .where(and(inArray(documents.status, ["queued", "parsing"]), lt(documents.updatedAt, quietSince)))
    .limit(500)
    .all();
  let requeued = 0;
  let failed = 0;
  for (const doc of stuck) {
    if (doc.createdAt < hoursAgo(opts.giveUpHours) && (doc.parseStartedAt ?? doc.updatedAt) < hoursAgo(opts.giveUpHours)) {
      await failDocument(env, db, doc, { code: "parse_error", message: "Parsing stopped and did not recover. Use Reparse to try again." });
      failed++;
      continue;
    }
    await db.update(documents).set({ updatedAt: nowIso() }).where(eq(documents.id, doc.id)).run();
    await enqueueParse(env, { kind: "parse", projectId: doc.projectId, documentId: doc.id, generation: doc.parseGeneration, startPage: doc.pagesDone + 1 });
    requeued++;
  }
  return { requeued, failed };
}

export async function pruneExpiredRows(db: Db): Promise<void> {
  const now = nowIso();
  await db.batch([
    db.delete(sessions).where(lt(sessions.expiresAt, now)),
    db.delete(emailTokens).where(lt(emailTokens.expiresAt, now)),
    db.delete(loginLockouts).where(lt(loginLockouts.until, now)),
    pruneExpiredLeases(db),
  ]);
}

export async function runMaintenance(env: Env, db: Db): Promise<void> {
  const aborted = await abortAbandonedUploads(env, db);
  const swept = await sweepStuckParses(env, db);
  await pruneExpiredRows(db);
  log("maintenance.done", { outcome: "ok", abortedUploads: aborted, ...swept });
}
