// Local development only: the outbox of every email sent. Not mounted in production.
import { desc, eq } from "drizzle-orm";
import { Hono } from "hono";
import type { AppEnv } from "../context";
import { outbox } from "../db/schema";
import { notFound } from "../errors";

export const devRoutes = new Hono<AppEnv>().get("/outbox", async (c) => {
  if (c.env.ENVIRONMENT === "production") throw notFound("page");
  // ?to= narrows to one recipient, so following a link stays cheap in a busy dev database.
  const to = c.req.query("to")?.trim().toLowerCase();
  const rows = await c.var.db
    .select()
    .from(outbox)
    .where(to ? eq(outbox.to, to) : undefined)
    .orderBy(desc(outbox.sentAt), desc(outbox.id))
    .limit(200)
    .all();
  return c.json({ items: rows.map(({ to, subject, text, html, sentAt }) => ({ to, subject, text, html, sentAt })) });
});
