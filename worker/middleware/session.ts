// Finds out who is calling: a personal access token (Authorization: Bearer) or the session cookie.
import { and, eq, gt, sql } from "drizzle-orm";
import { getCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import { SESSION_COOKIE } from "../config";
import type { AppEnv, AuthUser, Role } from "../context";
import { apiTokens, members, sessions, users } from "../db/schema";
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

/** The project a path addresses, if any: its membership is read with the caller's identity. */
const PROJECT_PATH = /^\/api\/projects\/([^/]+)/;

/** The caller's role in `projectId` as an extra column of the identity query (NULL = not a member). */
const roleIn = (projectId: string) =>
  sql<Role | null>`(SELECT ${members.role} FROM ${members} WHERE ${members.projectId} = ${projectId} AND ${members.userId} = ${users.id})`;

export const session = createMiddleware<AppEnv>(async (c, next) => {
  c.set("user", null);
  c.set("authMethod", null);
  c.set("sessionId", null);
  c.set("pathMembership", undefined);
  const db = c.var.db;
  const projectId = PROJECT_PATH.exec(c.req.path)?.[1];
  const columns = projectId ? { ...userColumns, role: roleIn(projectId) } : userColumns;
  const rememberMembership = (row: { role?: Role | null }) => {
    if (projectId) c.set("pathMembership", { projectId, role: row.role ?? null });
  };

  const authorization = c.req.header("Authorization");
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match) throw unauthorized("The Authorization header must be 'Bearer <token>'.");
    const tokenHash = await sha256Hex(match[1]!);
    const row = await db
      .select({ ...columns, tokenId: apiTokens.id })
      .from(apiTokens)
      .innerJoin(users, eq(users.id, apiTokens.userId))
      .where(eq(apiTokens.tokenHash, tokenHash))
      .get();
    if (!row) throw unauthorized("That access token is not valid or was revoked.");
    const { tokenId, role, ...user } = row as typeof row & { role?: Role | null };
    c.set("user", user satisfies AuthUser);
    rememberMembership({ role });
    c.set("authMethod", "bearer");
    c.executionCtx.waitUntil(db.update(apiTokens).set({ lastUsedAt: nowIso() }).where(eq(apiTokens.id, tokenId)).run());
    return next();
  }

  const cookie = getCookie(c, SESSION_COOKIE);
  if (cookie) {
    const sessionId = await sha256Hex(cookie);
    const row = await db
      .select(columns)
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(and(eq(sessions.id, sessionId), gt(sessions.expiresAt, nowIso())))
      .get();
    if (row) {
      const { role, ...user } = row as typeof row & { role?: Role | null };
      c.set("user", user satisfies AuthUser);
      rememberMembership({ role });
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
