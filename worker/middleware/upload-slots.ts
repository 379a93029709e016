// The per-user cap on uploads in flight: every request that streams file bytes (a single upload,
// a resumable part) holds a slot while it runs. Taken before the body is read; given back when
// the handler is done, whatever its outcome (a crashed isolate's slot expires on its own).
import { createMiddleware } from "hono/factory";
import { releaseLease, tryAcquireLease, UPLOAD_LEASE_SECONDS } from "../abuse/user-leases";
import { config } from "../config";
import type { AppEnv } from "../context";
import { tooManyUploads } from "../errors";
import { log } from "../lib/log";

/** Most uploads finish within seconds; a client that waits this long usually finds a free slot. */
const RETRY_AFTER_SECONDS = 10;

export const uploadSlot = createMiddleware<AppEnv>(async (c, next) => {
  const user = c.var.user;
  // Unauthenticated callers were already answered by the access check.
  if (!user) return next();
  const cap = config(c.env).maxParallelUploadsPerUser;
  const leaseId = await tryAcquireLease(c.var.db, {
    userId: user.id,
    kind: "upload",
    projectId: c.req.param("projectId") ?? null,
    cap,
    ttlSeconds: UPLOAD_LEASE_SECONDS,
  });
  if (!leaseId) throw tooManyUploads(cap, RETRY_AFTER_SECONDS);
  try {
    await next();
  } finally {
    // A failed release must not turn a stored upload into an error; the lease expires instead.
    await releaseLease(c.var.db, leaseId).catch((error) => log("upload_lease.release_failed", { leaseId, outcome: "error", message: String(error) }));
  }
});
