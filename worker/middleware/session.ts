// Finds out who is calling: a personal access token (Authorization: Bearer) or the session cookie.
import { and, eq, gt } from "drizzle-orm";
import { getCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import { SESSION_COOKIE } from "../config";
import type { AppEnv, AuthUser } from "../context";
import { apiTokens, sessions, users } from "../db/schema";
import { unauthorized } from "../errors";
import { sha256Hex } from "../lib/crypto";
import { nowIso } from "../lib/time";

const userColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  emailVerified: users.emailVerified,
  plan: users.plan,
};

export const session = createMiddleware<AppEnv>(async (c, next) => {
  c.set("user", null);
  c.set("authMethod", null);
  c.set("sessionId", null);
  const db = c.var.db;

  const authorization = c.req.header("Authorization");
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match) throw unauthorized("The Authorization header must be 'Bearer <token>'.");
    const tokenHash = await sha256Hex(match[1]!);
    const row = await db
      .select({ ...userColumns, tokenId: apiTokens.id })
      .from(apiTokens)
      .innerJoin(users, eq(users.id, apiTokens.userId))
      .where(eq(apiTokens.tokenHash, tokenHash))
      .get();
    if (!row) throw unauthorized("That access token is not valid or was revoked.");
    const { tokenId, ...user } = row;
    c.set("user", user satisfies AuthUser);
    c.set("authMethod", "bearer");
    c.executionCtx.waitUntil(db.update(apiTokens).set({ lastUsedAt: nowIso() }).where(eq(apiTokens.id, tokenId)).run());
    return next();
  }

  const cookie = getCookie(c, SESSION_COOKIE);
  if (cookie) {
    const sessionId = await sha256Hex(cookie);
    const row = await db
      .select(userColumns)
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(and(eq(sessions.id, sessionId), gt(sessions.expiresAt, nowIso())))
      .get();
    if (row) {
      c.set("user", row);
      c.set("authMethod", "cookie");
      c.set("sessionId", sessionId);
    }
  }
  return next();
});

/** For routes that need a signed-in caller. */
export const requireUser = createMiddleware<AppEnv>(async (c, next) => {
  if (!c.var.user) throw unauthorized();
  return next();
});

export function currentUser(c: { var: { user: AuthUser | null } }): AuthUser {
  if (!c.var.user) throw unauthorized();
  return c.var.user;
}
