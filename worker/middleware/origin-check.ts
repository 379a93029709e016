// CSRF defence: a state-changing request from a browser must come from our own origin.
// A foreign Origin is always refused; a missing Origin is refused when the request is
// authenticated by the session cookie (bearer-token scripts need no Origin).
import { createMiddleware } from "hono/factory";
import { config } from "../config";
import type { AppEnv } from "../context";
import { forbidden } from "../errors";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export const originCheck = createMiddleware<AppEnv>(async (c, next) => {
  if (SAFE_METHODS.has(c.req.method)) return next();
  const origin = c.req.header("Origin");
  const allowed = new Set([new URL(c.req.url).origin, new URL(config(c.env).appUrl).origin]);
  if (origin && !allowed.has(origin)) {
    throw forbidden("bad_origin", "This request came from another site and was refused.");
  }
  if (!origin && c.var.authMethod === "cookie") {
    throw forbidden("bad_origin", "A signed-in request that changes data must carry an Origin header.");
  }
  return next();
});
