// A user's billing state as the rest of the app needs it: which plan's limits apply now, and
// what they use. A project's usage counts against its owner (projects.ownerId).
import { and, count, eq, gt, isNull, sql, sum } from "drizzle-orm";
import type { PlanId, PlanLimits } from "../../protocol/billing";
import type { Db } from "../db/client";
import { billingAccounts, documents, invites, members, projects } from "../db/schema";
import { nowIso } from "../lib/time";
import { cleanLimits, isPlanId, planLimits } from "./plans";

export type BillingAccount = typeof billingAccounts.$inferSelect;

/** Stripe statuses in which the paid plan's limits apply without question. */
const ENTITLED = new Set(["active", "trialing"]);

export async function loadAccount(db: Db, userId: string): Promise<BillingAccount | undefined> {
  return db.select().from(billingAccounts).where(eq(billingAccounts.userId, userId)).get();
}

/**
 * The plan whose limits apply at `now`: the subscribed plan while it is paid for, or while a
 * failed payment is inside its grace period; free otherwise. Nothing is deleted on the way down.
 */
export function effectivePlan(account: BillingAccount | undefined, now = new Date()): PlanId {
  if (!account || !isPlanId(account.plan) || account.plan === "free") return "free";
  if (ENTITLED.has(account.status)) return account.plan;
  if (account.status === "past_due" && account.graceUntil && account.graceUntil > now.toISOString()) return account.plan;
  return "free";
}

export async function limitsFor(env: Env, db: Db, userId: string): Promise<{ plan: PlanId; limits: PlanLimits; account: BillingAccount | undefined }> {
  const account = await loadAccount(db, userId);
  const plan = effectivePlan(account);
  const limits = { ...planLimits(env, plan, plan === account?.plan ? account?.seats : null), ...cleanLimits(account?.limitsOverride) };
  return { plan, limits, account };
}

/** Bytes of every paper in every project `ownerId` owns. */
export async function storageUsed(db: Db, ownerId: string): Promise<number> {
  const row = await db
    .select({ bytes: sum(documents.size) })
    .from(documents)
    .innerJoin(projects, eq(projects.id, documents.projectId))
    .where(eq(projects.ownerId, ownerId))
    .get();
  return Number(row?.bytes ?? 0);
}

export async function ownedProjects(db: Db, ownerId: string): Promise<number> {
  const row = await db.select({ n: count() }).from(projects).where(eq(projects.ownerId, ownerId)).get();
  return row?.n ?? 0;
}

/** Members plus invitations still open: both hold a seat in the project. */
export async function seatsTaken(db: Db, projectId: string): Promise<{ members: number; pendingInvites: number }> {
  const [m, i] = await db.batch([
    db.select({ n: count() }).from(members).where(eq(members.projectId, projectId)),
    db
      .select({ n: count() })
      .from(invites)
      .where(and(eq(invites.projectId, projectId), isNull(invites.acceptedAt), gt(invites.expiresAt, nowIso()))),
  ]);
  return { members: m[0]?.n ?? 0, pendingInvites: i[0]?.n ?? 0 };
}

/** Per owned project: members, open invitations and stored bytes, for GET /api/billing. */
export async function projectUsage(db: Db, ownerId: string) {
  const now = nowIso();
  return db
    .select({
      projectId: projects.id,
      name: projects.name,
      // Spelled out: drizzle may leave columns unqualified inside a correlated subquery.
      members: sql<number>`(select count(*) from members m where m.project_id = "projects"."id")`,
      pendingInvites: sql<number>`(select count(*) from invites i where i.project_id = "projects"."id" and i.accepted_at is null and i.expires_at > ${now})`,
      storageBytes: sql<number>`(select coalesce(sum(d.size), 0) from documents d where d.project_id = "projects"."id")`,
    })
    .from(projects)
    .where(eq(projects.ownerId, ownerId))
    .orderBy(projects.createdAt)
    .all();
}

export async function projectOwner(db: Db, projectId: string): Promise<string | null> {
  const row = await db.select({ ownerId: projects.ownerId }).from(projects).where(eq(projects.id, projectId)).get();
  return row?.ownerId ?? null;
}
