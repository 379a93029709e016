// The room's half of the per-user socket cap (worker/abuse/socket-slots.ts). The worker takes a
// lease in D1 before forwarding an upgrade and names it in a header; the room tags the socket
// with it (tags survive hibernation), says which leases still have an open socket, and gives a
// lease back when its socket closes or is refused.
import { createDb } from "../worker/db/client";
import { releaseLease } from "../worker/abuse/user-leases";
import { log } from "../worker/lib/log";
import { openSockets } from "./sockets";

/** Set by the worker next to the identity headers; absent on sockets opened without a lease. */
export const SOCKET_LEASE_HEADER = "X-SK-Socket-Lease";

const TAG_PREFIX = "lease:";
/** Lease ids are newId()s; anything else is refused so a tag stays well under its 256-char limit. */
const LEASE_ID = /^[A-Za-z0-9_-]{1,64}$/;

export function readLeaseId(headers: Headers): string | null {
  const value = headers.get(SOCKET_LEASE_HEADER);
  return value && LEASE_ID.test(value) ? value : null;
}

/** The tags that mark a socket as holding `leaseId` (none without a lease). */
export const leaseTags = (leaseId: string | null): string[] => (leaseId ? [TAG_PREFIX + leaseId] : []);

/** Of `leaseIds`, those whose socket is open in this room. */
export function openLeaseIds(ctx: DurableObjectState, leaseIds: string[]): string[] {
  return leaseIds.filter((id) => openSockets(ctx, TAG_PREFIX + id).length > 0);
}

export function leaseIdOf(ctx: DurableObjectState, ws: WebSocket): string | null {
  const tag = ctx.getTags(ws).find((t) => t.startsWith(TAG_PREFIX));
  return tag ? tag.slice(TAG_PREFIX.length) : null;
}

/** Best effort: a lease that cannot be deleted now is found stale by the worker's next check. */
export async function giveBackLease(db: D1Database, leaseId: string | null): Promise<void> {
  if (!leaseId) return;
  try {
    await releaseLease(createDb(db), leaseId);
  } catch (error) {
    log("socket_lease.release_failed", { leaseId, outcome: "error", message: String(error) });
  }
}
