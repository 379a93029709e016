// Rate limits on the expensive routes, per account and per IP, through the rate-limit
// bindings (keys from CF-Connecting-IP only). Over the limit → 429 with Retry-After.
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../context";
import { clientIp, enforceLimit } from "./rate-limit";

type LimiterName = "UPLOAD_USER_LIMITER" | "SEARCH_LIMITER" | "LIVE_CONNECT_LIMITER" | "COMMENT_LIMITER";

export function limitPerUserAndIp(name: LimiterName) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const limiter = c.env[name];
    // Both checks at once: they are independent, and this sits in front of every write.
    await Promise.all([c.var.user ? enforceLimit(limiter, `user:${c.var.user.id}`) : undefined, enforceLimit(limiter, `ip:${clientIp(c)}`)]);
    return next();
  });
}
