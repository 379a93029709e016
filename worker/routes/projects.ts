// §Projects: create, list, read, rename, delete. Member and invite routes are mounted beside.
import { and, desc, eq, lt, or } from "drizzle-orm";
import { Hono } from "hono";
import { paginationQuery, projectCreateBody, projectUpdateBody } from "../../protocol/api";
import { enforceProjectQuota } from "../billing/quotas";
import type { AppEnv } from "../context";
import { members, projects } from "../db/schema";
import { newId } from "../lib/crypto";
import { log } from "../lib/log";
import { decodeCursor, pageOf } from "../lib/pagination";
import { nowIso } from "../lib/time";
import { deleteProjectObjects } from "../papers/storage";
import { requireRole } from "../middleware/project-access";
import { currentUser, requireUser } from "../middleware/session";
import { validate } from "../middleware/validate";
import { getProjectDto } from "../projects/queries";
import { projectRoom } from "../projects/room";

export const projectRoutes = new Hono<AppEnv>()
  .use(requireUser)
  .post("/", validate("json", projectCreateBody), async (c) => {
    const user = currentUser(c);
    await enforceProjectQuota(c.env, c.var.db, user.id);
    const id = newId();
    const now = nowIso();
    const db = c.var.db;
    await db.batch([
      db.insert(projects).values({ id, name: c.req.valid("json").name, ownerId: user.id, createdAt: now, updatedAt: now }),
      db.insert(members).values({ projectId: id, userId: user.id, role: "owner", createdAt: now }),
    ]);
    return c.json({ project: await getProjectDto(db, id, "owner") }, 201);
  })

  .get("/", validate("query", paginationQuery), async (c) => {
    const { limit, cursor } = c.req.valid("query");
    const after = decodeCursor(cursor);
    const rows = await c.var.db
      .select({
        id: projects.id,
        name: projects.name,
        role: members.role,
        ownerId: projects.ownerId,
        createdAt: projects.createdAt,
        updatedAt: projects.updatedAt,
      })
      .from(members)
      .innerJoin(projects, eq(projects.id, members.projectId))
      .where(
        and(
          eq(members.userId, currentUser(c).id),
          after
            ? or(lt(projects.createdAt, after.createdAt), and(eq(projects.createdAt, after.createdAt), lt(projects.id, after.id)))
            : undefined,
        ),
      )
      .orderBy(desc(projects.createdAt), desc(projects.id))
      .limit(limit + 1)
      .all();
    return c.json(pageOf(rows, limit));
  })

  // Every /:projectId route below passes the one access check mounted in app.ts.
  .get("/:projectId", async (c) => c.json({ project: await getProjectDto(c.var.db, c.req.param("projectId"), c.var.projectRole) }))

  .patch("/:projectId", requireRole("editor"), validate("json", projectUpdateBody), async (c) => {
    const projectId = c.req.param("projectId");
    await c.var.db
      .update(projects)
      .set({ name: c.req.valid("json").name, updatedAt: nowIso() })
      .where(eq(projects.id, projectId))
      .run();
    return c.json({ project: await getProjectDto(c.var.db, projectId, c.var.projectRole) });
  })

  .delete("/:projectId", requireRole("owner"), async (c) => {
    const projectId = c.req.param("projectId");
    // Files and the room's storage go first: if either fails the project row stays and the
    // owner can retry, rather than leaving orphaned files nobody can reach.
    const objects = await deleteProjectObjects(c.env.PAPERS, projectId);
    await projectRoom(c.env, projectId).destroy();
    await c.var.db.delete(projects).where(eq(projects.id, projectId)).run();
    log("project.deleted", { projectId, userId: currentUser(c).id, objects });
    return c.body(null, 204);
  });
