// The Hono environment shared by every route: bindings plus what middleware found out.
import type { Db } from "./db/client";

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
}

export interface AppEnv {
  Bindings: Env;
  Variables: AppVariables;
}
