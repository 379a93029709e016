// Rate limits through the Workers rate-limit bindings. Keys come from CF-Connecting-IP,
// which Cloudflare sets and a client cannot forge; X-Forwarded-For is never trusted.
import type { Context } from "hono";
import { rateLimited } from "../errors";

export function clientIp(c: Context): string {
  return c.req.header("CF-Connecting-IP") ?? "unknown";
}

/** Throws 429 with Retry-After when `key` is over the limiter's budget. */
export async function enforceLimit(limiter: RateLimit, key: string): Promise<void> {
  const { success } = await limiter.limit({ key });
  if (!success) throw rateLimited(60);
}
