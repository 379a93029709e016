// Operator routes (ADMIN_EMAILS): the IP ban list and a status overview.
import { desc, eq, gt, sql } from "drizzle-orm";
import { Hono } from "hono";
import { z } from "zod";
import { invalidateBanCache } from "../abuse/ban-list";
import { banNetwork } from "../abuse/networks";
import type { AppEnv } from "../context";
import { bans, documents, projects, uploads, users } from "../db/schema";
import { badRequest, notFound } from "../errors";
import { newId } from "../lib/crypto";
import { requireAdmin } from "../middleware/admin";
import { currentUser } from "../middleware/session";
import { validate } from "../middleware/validate";

const banBody = z.object({
  ip: z.string().trim().min(2).max(64),
  reason: z.string().trim().min(1).max(500),
  /** Seconds until the ban lifts; omitted means until removed. */
  ttlSeconds: z.number().int().positive().max(10 * 365 * 86_400).optional(),
});

// requireAdmin sits on each route rather than on the sub-app: a sub-app-wide `use` would also
// run for /api/admin/backups, which admits a restore token without a session.
export const adminRoutes = new Hono<AppEnv>()
  .get("/bans", requireAdmin, async (c) => {
    const items = await c.var.db.select().from(bans).orderBy(desc(bans.createdAt)).all();
    return c.json({ items, nextCursor: null });
  })
  .post("/bans", requireAdmin, validate("json", banBody), async (c) => {
    const { ip, reason, ttlSeconds } = c.req.valid("json");
    const network = banNetwork(ip);
    if (!network) throw badRequest("invalid_ip", "Give an IPv4 address, an IPv6 address or an IPv6 /64 prefix.");
    const expiresAt = ttlSeconds ? new Date(Date.now() + ttlSeconds * 1000).toISOString() : null;
    const ban = await c.var.db
      .insert(bans)
      .values({ id: newId(), network, reason, expiresAt, createdBy: currentUser(c).email })
      .onConflictDoUpdate({ target: bans.network, set: { reason, expiresAt } })
      .returning()
      .get();
    invalidateBanCache();
    return c.json({ ban }, 201);
  })
  .delete("/bans/:banId", requireAdmin, async (c) => {
    const gone = await c.var.db.delete(bans).where(eq(bans.id, c.req.param("banId"))).returning({ id: bans.id }).get();
    if (!gone) throw notFound("ban");
    invalidateBanCache();
    return c.body(null, 204);
  })
  .get("/status", requireAdmin, async (c) => {
    const db = c.var.db;
    const dayAgo = new Date(Date.now() - 86_400_000).toISOString();
    const [byStatus, failures, storage, counts, pendingUploads] = await db.batch([
      db.select({ status: documents.status, n: sql<number>`count(*)` }).from(documents).groupBy(documents.status),
      db
        .select({ code: documents.errorCode, n: sql<number>`count(*)` })
        .from(documents)
        .where(sql`${documents.status} = 'failed' and ${documents.updatedAt} > ${dayAgo}`)
        .groupBy(documents.errorCode),
      db.select({ bytes: sql<number>`coalesce(sum(${documents.size}), 0)`, n: sql<number>`count(*)` }).from(documents),
      db.select({ users: sql<number>`(select count(*) from ${users})`, projects: sql<number>`(select count(*) from ${projects})` }).from(sql`(select 1)`),
      db.select({ n: sql<number>`count(*)` }).from(uploads).where(gt(uploads.createdAt, dayAgo)),
    ]);
    const statuses = Object.fromEntries(byStatus.map((r) => [r.status, r.n]));
    return c.json({
      // What is waiting for the parse queue: queued and parsing papers (the queue itself has no
      // backlog API inside a Worker; `wrangler queues info` shows it to operators).
      queueBacklog: (statuses.queued ?? 0) + (statuses.parsing ?? 0),
      documentsByStatus: statuses,
      failuresLastDay: Object.fromEntries(failures.map((r) => [r.code ?? "unknown", r.n])),
      storage: { bytes: storage[0]?.bytes ?? 0, documents: storage[0]?.n ?? 0 },
      users: counts[0]?.users ?? 0,
      projects: counts[0]?.projects ?? 0,
      resumableUploadsInProgress: pendingUploads[0]?.n ?? 0,
    });
  });
