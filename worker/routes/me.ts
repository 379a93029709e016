// GET /api/me, who is online in my projects (/api/me/online), and personal access tokens (/api/tokens).
import { and, desc, eq } from "drizzle-orm";
import { Hono } from "hono";
import { tokenCreateBody } from "../../protocol/api";
import type { AppEnv } from "../context";
import { apiTokens } from "../db/schema";
import { notFound } from "../errors";
import { newId, newToken, sha256Hex } from "../lib/crypto";
import { currentUser, requireUser } from "../middleware/session";
import { onlineInMyProjects } from "../projects/online";
import { validate } from "../middleware/validate";

export const meRoutes = new Hono<AppEnv>()
  .use(requireUser)
  .get("/", (c) => c.json({ user: currentUser(c) }))
  // Who else is in each of my projects right now (docs/api-extensions.md §Online in your projects).
  .get("/online", async (c) => c.json({ items: await onlineInMyProjects(c.env, c.var.db, currentUser(c).id) }));

export const tokenRoutes = new Hono<AppEnv>()
  .use(requireUser)
  .post("/", validate("json", tokenCreateBody), async (c) => {
    const user = currentUser(c);
    const { name } = c.req.valid("json");
    const token = newToken("skp_");
    const id = newId();
    await c.var.db.insert(apiTokens).values({ id, userId: user.id, name, tokenHash: await sha256Hex(token) }).run();
    // The only time the token is shown; D1 keeps just its hash.
    return c.json({ id, name, token }, 201);
  })
  .get("/", async (c) => {
    const items = await c.var.db
      .select({ id: apiTokens.id, name: apiTokens.name, createdAt: apiTokens.createdAt, lastUsedAt: apiTokens.lastUsedAt })
      .from(apiTokens)
      .where(eq(apiTokens.userId, currentUser(c).id))
      .orderBy(desc(apiTokens.createdAt))
      .all();
    return c.json({ items, nextCursor: null });
  })
  .delete("/:tokenId", async (c) => {
    const deleted = await c.var.db
      .delete(apiTokens)
      .where(and(eq(apiTokens.id, c.req.param("tokenId")), eq(apiTokens.userId, currentUser(c).id)))
      .returning({ id: apiTokens.id })
      .get();
    if (!deleted) throw notFound("token");
    return c.body(null, 204);
  });
