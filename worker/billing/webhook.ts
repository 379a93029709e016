// What each Stripe event does to D1. Every effect runs in one D1 batch (one transaction) with
// the insert of the event's id under a unique constraint: a redelivered event fails that insert,
// the whole batch rolls back, and nothing happens twice. Events may arrive in any order, so the
// subscription's state is taken from the event's object and only applied when the event is newer
// than the last one applied (ties: the more final status wins), never inferred from event order.
import type { BatchItem } from "drizzle-orm/batch";
import { eq, sql, type SQL } from "drizzle-orm";
import type Stripe from "stripe";
import type { BillingInterval, PlanId } from "../../protocol/billing";
import type { Db } from "../db/client";
import { billingAccounts, stripeEvents, users } from "../db/schema";
import { log } from "../lib/log";
import { nowIso } from "../lib/time";
import { isPlanId, planForPrice } from "./plans";

type Batch = [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]];
const DAY_SECONDS = 24 * 60 * 60;

interface SubscriptionState {
  userId: string;
  customerId: string | null;
  subscriptionId: string;
  plan: PlanId;
  interval: BillingInterval | null;
  status: string;
  seats: number | null;
  currentPeriodEnd: string | null;
}

const TERMINAL = ["canceled", "incomplete_expired"];

/** How final a status is: on a tie of timestamps the higher rank wins. */
function rank(status: string): number {
  if (TERMINAL.includes(status)) return 4;
  if (status === "unpaid") return 3;
  if (status === "past_due") return 2;
  if (status === "none" || status === "incomplete") return 0;
  return 1;
}
const storedRank = sql`(case ${billingAccounts.status} when 'canceled' then 4 when 'incomplete_expired' then 4 when 'unpaid' then 3 when 'past_due' then 2 when 'none' then 0 when 'incomplete' then 0 else 1 end)`;

const idOf = (value: string | { id: string } | null | undefined): string | null => (typeof value === "string" ? value : (value?.id ?? null));
const isoOf = (seconds: number | null | undefined) => (typeof seconds === "number" ? new Date(seconds * 1000).toISOString() : null);

export interface WebhookDeps {
  env: Env;
  db: Db;
  graceDays: number;
}

/** Applies `event` once. Returns "duplicate" when it was applied before. */
export async function applyStripeEvent(deps: WebhookDeps, event: Stripe.Event): Promise<"applied" | "ignored" | "duplicate"> {
  const { db } = deps;
  const record = db.insert(stripeEvents).values({ id: event.id, type: event.type, eventCreated: event.created });
  const effects = await effectsOf(deps, event);
  try {
    await db.batch([record, ...effects] as Batch);
  } catch (error) {
    const seen = await db.select({ id: stripeEvents.id }).from(stripeEvents).where(eq(stripeEvents.id, event.id)).get();
    if (seen) return "duplicate";
    throw error;
  }
  log("billing.event", { eventId: event.id, type: event.type, outcome: effects.length ? "applied" : "ignored" });
  return effects.length ? "applied" : "ignored";
}

async function effectsOf(deps: WebhookDeps, event: Stripe.Event): Promise<BatchItem<"sqlite">[]> {
  switch (event.type) {
    case "checkout.session.completed":
      return checkoutCompleted(deps, event.data.object, event.created);
    case "customer.subscription.created":
    case "customer.subscription.updated":
    case "customer.subscription.deleted":
      return subscriptionChanged(deps, event.data.object, event.created);
    case "invoice.payment_failed":
      return invoiceEvent(deps, event.data.object, event.created, "failed");
    case "invoice.paid":
      return invoiceEvent(deps, event.data.object, event.created, "paid");
    default:
      return [];
  }
}

/** The user an event is about: by known customer first, then by the ids we put in metadata. */
async function resolveUser(db: Db, customerId: string | null, claimedUserId: string | null | undefined): Promise<string | null> {
  if (customerId) {
    const byCustomer = await db.select({ userId: billingAccounts.userId }).from(billingAccounts).where(eq(billingAccounts.stripeCustomerId, customerId)).get();
    if (byCustomer) return byCustomer.userId;
  }
  if (!claimedUserId) return null;
  const user = await db.select({ id: users.id }).from(users).where(eq(users.id, claimedUserId)).get();
  return user?.id ?? null;
}

async function checkoutCompleted(deps: WebhookDeps, session: Stripe.Checkout.Session, created: number) {
  if (session.mode !== "subscription" || session.payment_status === "unpaid") return [];
  const customerId = idOf(session.customer);
  const subscriptionId = idOf(session.subscription);
  const userId = await resolveUser(deps.db, customerId, session.client_reference_id ?? session.metadata?.userId);
  const plan = session.metadata?.plan;
  if (!userId || !subscriptionId || !isPlanId(plan)) {
    log("billing.event_unmatched", { type: "checkout.session.completed", sessionId: session.id });
    return [];
  }
  const interval = session.metadata?.interval === "year" ? "year" : "month";
  const seats = Number.parseInt(session.metadata?.seats ?? "", 10);
  return upsertSubscription(deps, created, {
    userId,
    customerId,
    subscriptionId,
    plan,
    interval,
    status: "active",
    seats: Number.isFinite(seats) ? seats : null,
    currentPeriodEnd: null,
  });
}

async function subscriptionChanged(deps: WebhookDeps, sub: Stripe.Subscription, created: number) {
  const customerId = idOf(sub.customer);
  const item = sub.items?.data?.[0];
  const byPrice = planForPrice(deps.env, item?.price?.id);
  const plan = byPrice?.plan ?? sub.metadata?.plan;
  const userId = await resolveUser(deps.db, customerId, sub.metadata?.userId);
  if (!userId || !isPlanId(plan)) {
    log("billing.event_unmatched", { type: "customer.subscription", subscriptionId: sub.id });
    return [];
  }
  const recurring = item?.price?.recurring?.interval;
  const legacyPeriodEnd = (sub as unknown as { current_period_end?: number }).current_period_end;
  return upsertSubscription(deps, created, {
    userId,
    customerId,
    subscriptionId: sub.id,
    plan,
    interval: byPrice?.interval ?? (recurring === "year" ? "year" : recurring === "month" ? "month" : null),
    status: sub.status,
    seats: item?.quantity ?? null,
    currentPeriodEnd: isoOf(item?.current_period_end ?? legacyPeriodEnd),
  });
}

function upsertSubscription(deps: WebhookDeps, created: number, s: SubscriptionState): BatchItem<"sqlite">[] {
  const { db } = deps;
  const grace = s.status === "past_due" ? isoOf(created + deps.graceDays * DAY_SECONDS) : null;
  const terminal = TERMINAL.includes(s.status);
  // Newer wins; a tie goes to the more final status; a late "canceled" of an older
  // subscription never cancels the one that replaced it.
  const newer: SQL = sql`(${billingAccounts.lastEventAt} < ${created} or (${billingAccounts.lastEventAt} = ${created} and ${storedRank} <= ${rank(s.status)}))
    and not (${terminal ? 1 : 0} = 1 and ${billingAccounts.stripeSubscriptionId} is not null and ${billingAccounts.stripeSubscriptionId} != ${s.subscriptionId})`;
  const values = {
    stripeSubscriptionId: s.subscriptionId,
    plan: s.plan,
    interval: s.interval,
    status: s.status,
    seats: s.seats,
    currentPeriodEnd: s.currentPeriodEnd,
    lastEventAt: created,
    updatedAt: nowIso(),
  };
  return [
    db
      .insert(billingAccounts)
      .values({ userId: s.userId, stripeCustomerId: s.customerId, graceUntil: grace, ...values })
      .onConflictDoUpdate({
        target: billingAccounts.userId,
        set: {
          ...values,
          stripeCustomerId: sql`coalesce(${billingAccounts.stripeCustomerId}, excluded.stripe_customer_id)`,
          // A checkout session knows no period end; keep the one a subscription event gave.
          currentPeriodEnd: sql`coalesce(excluded.current_period_end, ${billingAccounts.currentPeriodEnd})`,
          seats: sql`coalesce(excluded.seats, ${billingAccounts.seats})`,
          graceUntil: grace ? sql`coalesce(${billingAccounts.graceUntil}, ${grace})` : null,
        },
        setWhere: newer,
      }),
    syncUserPlan(db, s.userId),
  ];
}

async function invoiceEvent(deps: WebhookDeps, invoice: Stripe.Invoice, created: number, outcome: "paid" | "failed") {
  const { db } = deps;
  const customerId = idOf(invoice.customer);
  if (!customerId) return [];
  const account = await db.select().from(billingAccounts).where(eq(billingAccounts.stripeCustomerId, customerId)).get();
  if (!account) return [];
  const legacy = (invoice as unknown as { subscription?: string | { id: string } | null }).subscription;
  const subscriptionId = idOf(invoice.parent?.subscription_details?.subscription ?? legacy);
  const sameSubscription = subscriptionId
    ? sql`(${billingAccounts.stripeSubscriptionId} is null or ${billingAccounts.stripeSubscriptionId} = ${subscriptionId})`
    : sql`1 = 1`;
  const notOlder = sql`${billingAccounts.lastEventAt} <= ${created}`;
  const update =
    outcome === "failed"
      ? db
          .update(billingAccounts)
          .set({
            status: "past_due",
            graceUntil: sql`coalesce(${billingAccounts.graceUntil}, ${isoOf(created + deps.graceDays * DAY_SECONDS)})`,
            lastEventAt: created,
            updatedAt: nowIso(),
          })
          .where(sql`${billingAccounts.userId} = ${account.userId} and ${notOlder} and ${sameSubscription} and ${billingAccounts.status} in ('active', 'trialing', 'past_due')`)
      : db
          .update(billingAccounts)
          .set({ status: "active", graceUntil: null, lastEventAt: created, updatedAt: nowIso() })
          .where(sql`${billingAccounts.userId} = ${account.userId} and ${notOlder} and ${sameSubscription} and ${billingAccounts.status} in ('past_due', 'unpaid', 'incomplete')`);
  return [update, syncUserPlan(db, account.userId)];
}

/** users.plan (shown by GET /api/me) follows the subscription; grace is judged when read. */
function syncUserPlan(db: Db, userId: string) {
  return db
    .update(users)
    .set({
      plan: sql`coalesce((select case when status in ('active', 'trialing', 'past_due') then plan else 'free' end from billing_accounts where user_id = ${userId}), 'free')`,
    })
    .where(eq(users.id, userId));
}
