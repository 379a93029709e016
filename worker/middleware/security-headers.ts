import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../context";

// API answers are data, never pages: nothing in them may run, load or be framed. A PDF may be
// framed by our own reader only. HSTS only where TLS is guaranteed.
const API_CSP = "default-src 'none'; frame-ancestors 'none'; sandbox";
const FILE_CSP = "default-src 'none'; frame-ancestors 'self'; sandbox";

export const securityHeaders = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  const isFile = c.res.headers.get("Content-Type")?.startsWith("application/pdf") ?? false;
  c.header("Content-Security-Policy", isFile ? FILE_CSP : API_CSP);
  c.header("X-Content-Type-Options", "nosniff");
  c.header("Referrer-Policy", "strict-origin-when-cross-origin");
  c.header("X-Frame-Options", isFile ? "SAMEORIGIN" : "DENY");
  c.header("Cross-Origin-Resource-Policy", "same-origin");
  if (!c.res.headers.has("Cache-Control")) c.header("Cache-Control", "no-store");
  if (c.env.ENVIRONMENT === "production") c.header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
});
