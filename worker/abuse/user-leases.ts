// Per-user caps on work in flight, as rows in D1 (user_leases): one row per upload streaming
// bytes and per open WebSocket. Taking a slot is one INSERT … SELECT … WHERE count < cap, a single
// statement D1 runs atomically, so two concurrent requests can never both take the last slot.
// Every lease expires: an isolate that crashes mid-upload cannot hold a slot for ever.
import { and, eq, gt, inArray, lt, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { userLeases } from "../db/schema";
import { newId } from "../lib/crypto";
import { inSeconds, nowIso } from "../lib/time";

export type LeaseKind = "upload" | "socket";

/** Longer than any one request streams (a 95 MB body or a 10 MiB part on a slow link). */
export const UPLOAD_LEASE_SECONDS = 15 * 60;
/** Sockets stay open for hours; a stale socket lease is found by asking its room instead. */
export const SOCKET_LEASE_SECONDS = 24 * 60 * 60;

export interface LeaseRequest {
  userId: string;
  kind: LeaseKind;
  projectId: string | null;
  cap: number;
  ttlSeconds: number;
}

/** Takes a slot and returns its id, or null when the user already holds `cap` live leases of the kind. */
export async function tryAcquireLease(db: Db, request: LeaseRequest, id = newId()): Promise<string | null> {
  const now = nowIso();
  const result = await db.run(sql`
    insert into user_leases (id, user_id, kind, project_id, expires_at)
    select ${id}, ${request.userId}, ${request.kind}, ${request.projectId}, ${inSeconds(request.ttlSeconds)}
    where (select count(*) from user_leases
           where user_id = ${request.userId} and kind = ${request.kind} and expires_at > ${now}) < ${request.cap}`);
  return result.meta.changes > 0 ? id : null;
}

export async function releaseLease(db: Db, id: string): Promise<void> {
  await db.delete(userLeases).where(eq(userLeases.id, id)).run();
}

export async function releaseLeases(db: Db, ids: string[]): Promise<void> {
  if (ids.length) await db.delete(userLeases).where(inArray(userLeases.id, ids)).run();
}

/** The user's unexpired leases of `kind`, oldest first. */
export async function liveLeases(db: Db, userId: string, kind: LeaseKind) {
  return db
    .select({ id: userLeases.id, projectId: userLeases.projectId, createdAt: userLeases.createdAt })
    .from(userLeases)
    .where(and(eq(userLeases.userId, userId), eq(userLeases.kind, kind), gt(userLeases.expiresAt, nowIso())))
    .orderBy(userLeases.createdAt)
    .all();
}

/** Scheduled upkeep: expired leases no longer count, so their rows can go. */
export function pruneExpiredLeases(db: Db) {
  return db.delete(userLeases).where(lt(userLeases.expiresAt, nowIso()));
}
