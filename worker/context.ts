// The Hono environment shared by every route: bindings plus what middleware found out.
import type { Db } from "./db/client";
import type { documents } from "./db/schema";

export type Role = "owner" | "editor" | "viewer";

export interface AuthUser {
  id: string;
  email: string;
  name: string;
  emailVerified: boolean;
  plan: string;
}

export interface AppVariables {
  db: Db;
  user: AuthUser | null;
  /** How the caller proved who they are; the Origin check applies only to cookies. */
  authMethod: "cookie" | "bearer" | null;
  sessionId: string | null;
  /** Set by the project-access middleware on /api/projects/:projectId/*. */
  projectRole: Role;
  /**
   * The caller's membership in the project the path names, read by the session lookup in the
   * same D1 query (one round trip instead of two on every project route); undefined = not read.
   */
  pathMembership: { projectId: string; role: Role | null } | undefined;
  /** The paper a /documents/:documentId/… path names, read early (worker/annotations/document.ts). */
  pathDocument: { projectId: string; documentId: string; row: Promise<typeof documents.$inferSelect | undefined> } | undefined;
}

export interface AppEnv {
  Bindings: Env;
  Variables: AppVariables;
}
