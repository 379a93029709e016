// The one error type of the API. Handlers throw it; app.onError turns it into
// {error: {code, message}} with its status. Anything else thrown is a real server fault.
import type { ContentfulStatusCode } from "hono/utils/http-status";

export class AppError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const badRequest = (code: string, message: string) => new AppError(400, code, message);
export const unauthorized = (message = "Sign in to continue.") => new AppError(401, "unauthorized", message);
export const forbidden = (code: string, message: string) => new AppError(403, code, message);
export const notFound = (what = "resource") => new AppError(404, "not_found", `That ${what} does not exist.`);
export const conflict = (code: string, message: string) => new AppError(409, code, message);
/** A create named an id that is already something else's (docs/api-extensions.md §Idempotent creates). */
export const idTaken = (what: "highlight" | "comment") =>
  conflict("id_taken", `That id already belongs to another ${what}: pick a fresh one for a new ${what}.`);
export const rateLimited = (retryAfterSeconds = 60) =>
  new AppError(429, "rate_limited", "Too many requests. Wait a minute and try again.", {
    "Retry-After": String(retryAfterSeconds),
  });

/** Over a per-user cap on work in flight (worker/abuse/user-leases.ts): retry once a slot frees. */
export const tooManyUploads = (cap: number, retryAfterSeconds: number) =>
  new AppError(429, "too_many_uploads", `At most ${cap} uploads can run at the same time per account. Wait for one to finish and try again.`, {
    "Retry-After": String(retryAfterSeconds),
  });
export const tooManyConnections = (cap: number, retryAfterSeconds: number) =>
  new AppError(429, "too_many_connections", `At most ${cap} live connections can be open at the same time per account. Close a tab or wait, then try again.`, {
    "Retry-After": String(retryAfterSeconds),
  });

export function errorBody(code: string, message: string) {
  return { error: { code, message } };
}
