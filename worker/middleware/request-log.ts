// One structured log line per API request: what, who, how long, outcome. Never the query
// string (it may carry search terms) nor bodies, cookies or tokens.
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../context";
import { log } from "../lib/log";

export const requestLog = createMiddleware<AppEnv>(async (c, next) => {
  const started = performance.now();
  try {
    await next();
  } finally {
    log("request", {
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      durationMs: Math.round(performance.now() - started),
      userId: c.var.user?.id,
      projectId: /^\/api\/projects\/([^/]+)/.exec(c.req.path)?.[1],
      outcome: c.res.status >= 500 ? "error" : c.res.status >= 400 ? "refused" : "ok",
    });
  }
});
