// GET /api/projects/:projectId/live — the project's WebSocket. Mounted behind the project
// access check, so by here the caller is a signed-in member; the room trusts the identity
// headers set below because only this worker can reach it.
import { Hono } from "hono";
import { SOCKET_LEASE_HEADER } from "../../durable-objects/socket-leases";
import { identityHeaders } from "../../durable-objects/sockets";
import { acquireSocketSlot } from "../abuse/socket-slots";
import { releaseLease } from "../abuse/user-leases";
import { config } from "../config";
import type { AppEnv } from "../context";
import { AppError, forbidden, notFound, unauthorized } from "../errors";
import { projectRoom } from "../projects/room";

export const liveRoutes = new Hono<AppEnv>().get("/", async (c) => {
  const user = c.var.user;
  if (!user) throw unauthorized();
  const projectId = c.req.param("projectId");
  if (!projectId) throw notFound("project");
  if (c.req.header("Upgrade")?.toLowerCase() !== "websocket") {
    throw new AppError(426, "upgrade_required", "This endpoint only speaks WebSocket: send Upgrade: websocket.", { Upgrade: "websocket" });
  }
  // Browsers send cookies on cross-site WebSocket handshakes and always send Origin with them:
  // a foreign Origin on a cookie-authenticated upgrade is a hijack attempt.
  const origin = c.req.header("Origin");
  if (c.var.authMethod === "cookie" && origin) {
    const allowed = new Set([new URL(c.req.url).origin, new URL(config(c.env).appUrl).origin]);
    if (!allowed.has(origin)) throw forbidden("bad_origin", "This connection came from another site and was refused.");
  }
  // One of the user's socket slots across all projects; the room gives it back on close.
  const leaseId = await acquireSocketSlot(c.env, c.var.db, user.id, projectId);
  // A fresh request: nothing of the caller's (cookies, tokens, forged identity headers) passes on.
  const headers = new Headers({ Upgrade: "websocket", ...identityHeaders({ userId: user.id, name: user.name }), [SOCKET_LEASE_HEADER]: leaseId });
  try {
    const response = await projectRoom(c.env, projectId).fetch("https://project-room/live", { headers });
    // No socket was opened, so the room will never give the slot back.
    if (response.status !== 101) await releaseLease(c.var.db, leaseId);
    return response;
  } catch (error) {
    await releaseLease(c.var.db, leaseId).catch(() => undefined);
    throw error;
  }
});
