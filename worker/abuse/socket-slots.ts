// The per-user cap on open WebSockets across all projects (the per-project cap lives in the room).
// Each socket holds a lease (user-leases.ts) that its room gives back when the socket closes. A
// room reset by a deploy can skip close handlers, so a user found at the cap has each lease checked
// with its room, and leases without an open socket are dropped before the decision.
import { config } from "../config";
import type { Db } from "../db/client";
import { tooManyConnections } from "../errors";
import { log } from "../lib/log";
import { projectRoom } from "../projects/room";
import { liveLeases, releaseLeases, SOCKET_LEASE_SECONDS, tryAcquireLease } from "./user-leases";

/** A lease this young may belong to an upgrade still on its way to its room: never judged stale. */
const SETTLE_MS = 10_000;
const RETRY_AFTER_SECONDS = 30;

/** Takes a socket slot for `userId` and returns the lease id, or throws 429 too_many_connections. */
export async function acquireSocketSlot(env: Env, db: Db, userId: string, projectId: string): Promise<string> {
  const cap = config(env).maxSocketsPerUserTotal;
  const request = { userId, kind: "socket", projectId, cap, ttlSeconds: SOCKET_LEASE_SECONDS } as const;
  const id = await tryAcquireLease(db, request);
  if (id) return id;
  if ((await dropStaleSocketLeases(env, db, userId)) > 0) {
    const retried = await tryAcquireLease(db, request);
    if (retried) return retried;
  }
  throw tooManyConnections(cap, RETRY_AFTER_SECONDS);
}

/** Asks each room (one RPC per project) which of the user's leases still have an open socket; deletes the rest. */
export async function dropStaleSocketLeases(env: Env, db: Db, userId: string): Promise<number> {
  const settled = new Date(Date.now() - SETTLE_MS).toISOString();
  const byProject = new Map<string, string[]>();
  const stale: string[] = [];
  for (const lease of await liveLeases(db, userId, "socket")) {
    if (lease.createdAt >= settled) continue;
    if (!lease.projectId) stale.push(lease.id);
    else byProject.set(lease.projectId, [...(byProject.get(lease.projectId) ?? []), lease.id]);
  }
  await Promise.all(
    [...byProject].map(async ([projectId, ids]) => {
      try {
        const open = new Set(await projectRoom(env, projectId).openLeases(ids));
        stale.push(...ids.filter((id) => !open.has(id)));
      } catch (error) {
        // A room that cannot answer keeps its leases: better one refused connect than no cap.
        log("socket_leases.check_failed", { projectId, outcome: "error", message: String(error) });
      }
    }),
  );
  await releaseLeases(db, stale);
  if (stale.length) log("socket_leases.stale_dropped", { userId, count: stale.length, outcome: "ok" });
  return stale.length;
}
