// §Projects members: list, change role, remove or leave. The last owner stays an owner.
import { and, eq } from "drizzle-orm";
import { Hono } from "hono";
import { memberUpdateBody } from "../../protocol/api";
import type { AppEnv } from "../context";
import { members, users } from "../db/schema";
import { conflict, forbidden, notFound } from "../errors";
import { requireRole } from "../middleware/project-access";
import { currentUser } from "../middleware/session";
import { validate } from "../middleware/validate";
import { countOwners } from "../projects/queries";
import { projectRoom } from "../projects/room";

const lastOwner = () => conflict("last_owner", "A project needs at least one owner. Make someone else an owner first.");

export const memberRoutes = new Hono<AppEnv>()
  .get("/", async (c) => {
    const items = await c.var.db
      .select({ userId: members.userId, name: users.name, email: users.email, role: members.role })
      .from(members)
      .innerJoin(users, eq(users.id, members.userId))
      .where(eq(members.projectId, c.req.param("projectId")!))
      .orderBy(members.createdAt)
      .all();
    return c.json({ items, nextCursor: null });
  })

  .patch("/:userId", requireRole("owner"), validate("json", memberUpdateBody), async (c) => {
    const projectId = c.req.param("projectId")!;
    const userId = c.req.param("userId");
    const { role } = c.req.valid("json");
    const db = c.var.db;
    const target = await db
      .select({ role: members.role })
      .from(members)
      .where(and(eq(members.projectId, projectId), eq(members.userId, userId)))
      .get();
    if (!target) throw notFound("member");
    if (target.role === "owner" && role !== "owner" && (await countOwners(db, projectId)) <= 1) throw lastOwner();
    await db.update(members).set({ role }).where(and(eq(members.projectId, projectId), eq(members.userId, userId))).run();
    const item = await db
      .select({ userId: members.userId, name: users.name, email: users.email, role: members.role })
      .from(members)
      .innerJoin(users, eq(users.id, members.userId))
      .where(and(eq(members.projectId, projectId), eq(members.userId, userId)))
      .get();
    return c.json({ member: item });
  })

  .delete("/:userId", async (c) => {
    const projectId = c.req.param("projectId")!;
    const userId = c.req.param("userId");
    const me = currentUser(c);
    if (userId !== me.id && c.var.projectRole !== "owner") {
      throw forbidden("insufficient_role", "Only a project owner can remove other members.");
    }
    const db = c.var.db;
    const target = await db
      .select({ role: members.role })
      .from(members)
      .where(and(eq(members.projectId, projectId), eq(members.userId, userId)))
      .get();
    if (!target) throw notFound("member");
    if (target.role === "owner" && (await countOwners(db, projectId)) <= 1) throw lastOwner();
    await db.delete(members).where(and(eq(members.projectId, projectId), eq(members.userId, userId))).run();
    // A removed member loses the live connection at once, not at their next request.
    await projectRoom(c.env, projectId).disconnectUser(userId);
    return c.body(null, 204);
  });
