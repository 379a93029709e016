// The one access check for every /api/projects/:projectId route. A caller who is not a
// member gets 404 (project ids cannot be probed); a member with too little role gets 403.
import { and, eq } from "drizzle-orm";
import { createMiddleware } from "hono/factory";
import type { AppEnv, Role } from "../context";
import { members } from "../db/schema";
import { forbidden, notFound, unauthorized } from "../errors";

const RANK: Record<Role, number> = { viewer: 1, editor: 2, owner: 3 };

export function roleAtLeast(role: Role, needed: Role): boolean {
  return RANK[role] >= RANK[needed];
}

/**
 * Loads the caller's role in :projectId; mounted once in front of every project route. The
 * session lookup usually read it already, in the same query as the caller's identity.
 */
export const projectMember = createMiddleware<AppEnv>(async (c, next) => {
  const user = c.var.user;
  if (!user) throw unauthorized();
  const projectId = c.req.param("projectId");
  if (!projectId) throw notFound("project");
  const known = c.var.pathMembership;
  const role =
    known && known.projectId === projectId
      ? known.role
      : ((
          await c.var.db
            .select({ role: members.role })
            .from(members)
            .where(and(eq(members.projectId, projectId), eq(members.userId, user.id)))
            .get()
        )?.role ?? null);
  if (!role) throw notFound("project");
  c.set("projectRole", role);
  return next();
});

/** Route guard: the caller's role in the project must be at least `needed`. */
export function requireRole(needed: Role) {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (!roleAtLeast(c.var.projectRole, needed)) {
      throw forbidden("insufficient_role", `Only a project ${needed}${needed === "owner" ? "" : " or owner"} can do that.`);
    }
    return next();
  });
}
