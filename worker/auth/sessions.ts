// Server-side sessions in D1. The cookie carries a random token; D1 stores only its SHA-256.
import { eq } from "drizzle-orm";
import type { Context } from "hono";
import { deleteCookie, setCookie } from "hono/cookie";
import { config, SESSION_COOKIE, SESSION_TTL_SECONDS } from "../config";
import type { AppEnv } from "../context";
import { sessions } from "../db/schema";
import { newToken, sha256Hex } from "../lib/crypto";
import { inSeconds } from "../lib/time";

function cookieIsSecure(c: Context<AppEnv>): boolean {
  return config(c.env).isProduction || new URL(c.req.url).protocol === "https:";
}

/** Starts a fresh session (a new id every time: no session fixation) and sets the cookie. */
export async function startSession(c: Context<AppEnv>, userId: string): Promise<void> {
  const token = newToken();
  await c.var.db
    .insert(sessions)
    .values({ id: await sha256Hex(token), userId, expiresAt: inSeconds(SESSION_TTL_SECONDS) })
    .run();
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "Lax",
    secure: cookieIsSecure(c),
    path: "/",
    maxAge: SESSION_TTL_SECONDS,
  });
}

export async function endSession(c: Context<AppEnv>): Promise<void> {
  if (c.var.sessionId) await c.var.db.delete(sessions).where(eq(sessions.id, c.var.sessionId)).run();
  deleteCookie(c, SESSION_COOKIE, { path: "/", secure: cookieIsSecure(c), httpOnly: true, sameSite: "Lax" });
}

export async function revokeAllSessions(c: Context<AppEnv>, userId: string): Promise<void> {
  await c.var.db.delete(sessions).where(eq(sessions.userId, userId)).run();
}
