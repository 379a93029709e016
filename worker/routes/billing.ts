// §Billing: the caller's plan, limits and live usage; Stripe Checkout and the customer portal.
import { eq } from "drizzle-orm";
import { Hono } from "hono";
import { checkoutBody, type BillingDto } from "../../protocol/billing";
import { limitsFor, ownedProjects, projectUsage, storageUsed } from "../billing/account";
import { isPlanId, planCatalog, priceId, PLANS } from "../billing/plans";
import { billingConfigured, stripeClient, stripeFailure } from "../billing/stripe";
import { config } from "../config";
import type { AppEnv } from "../context";
import { billingAccounts } from "../db/schema";
import { AppError, conflict, forbidden } from "../errors";
import { log } from "../lib/log";
import { nowIso } from "../lib/time";
import { currentUser, requireUser } from "../middleware/session";
import { validate } from "../middleware/validate";

/** Statuses in which a subscription still exists: a second checkout would double-bill. */
const LIVE = new Set(["active", "trialing", "past_due", "unpaid"]);

export const billingRoutes = new Hono<AppEnv>()
  .use(requireUser)
  .get("/", async (c) => {
    const user = currentUser(c);
    const db = c.var.db;
    const [{ plan, limits, account }, storageBytes, projects, membersByProject] = await Promise.all([
      limitsFor(c.env, db, user.id),
      storageUsed(db, user.id),
      ownedProjects(db, user.id),
      projectUsage(db, user.id),
    ]);
    const body: BillingDto = {
      plan,
      subscribedPlan: account && isPlanId(account.plan) ? account.plan : "free",
      status: account?.status ?? "none",
      interval: account?.interval ?? null,
      seats: account?.seats ?? null,
      currentPeriodEnd: account?.currentPeriodEnd ?? null,
      graceUntil: account?.status === "past_due" ? account.graceUntil : null,
      limits,
      usage: { storageBytes, projects, membersByProject },
      configured: billingConfigured(c.env),
      hasCustomer: Boolean(account?.stripeCustomerId),
      plans: planCatalog(c.env),
    };
    return c.json(body);
  })

  .post("/checkout", validate("json", checkoutBody), async (c) => {
    const user = currentUser(c);
    const stripe = stripeClient(c.env);
    if (!user.emailVerified) throw forbidden("email_not_verified", "Confirm your email address before buying a plan: follow the link we sent you.");
    const { plan, interval, seats } = c.req.valid("json");
    const price = priceId(c.env, plan, interval);
    if (!price) throw new AppError(503, "billing_not_configured", `The ${PLANS[plan].name} plan is not offered ${interval === "year" ? "yearly" : "monthly"} on this server.`);
    const db = c.var.db;
    const account = await db.select().from(billingAccounts).where(eq(billingAccounts.userId, user.id)).get();
    if (account && account.plan !== "free" && LIVE.has(account.status)) {
      throw conflict("already_subscribed", "You already have a subscription. Use “Manage billing” to change plan or seats.");
    }
    const appUrl = config(c.env).appUrl;
    const quantity = PLANS[plan].seats ? Math.max(seats ?? 0, PLANS[plan].limits.membersPerProject) : 1;
    try {
      let customerId = account?.stripeCustomerId ?? null;
      if (!customerId) {
        // The idempotency key makes a double click create one customer, not two.
        const customer = await stripe.customers.create(
          { email: user.email, name: user.name, metadata: { userId: user.id } },
          { idempotencyKey: `customer-${user.id}` },
        );
        customerId = customer.id;
        await db
          .insert(billingAccounts)
          .values({ userId: user.id, stripeCustomerId: customerId, updatedAt: nowIso() })
          .onConflictDoUpdate({ target: billingAccounts.userId, set: { stripeCustomerId: customerId, updatedAt: nowIso() } })
          .run();
      }
      const metadata = { userId: user.id, plan, interval, seats: String(quantity) };
      const session = await stripe.checkout.sessions.create({
        mode: "subscription",
        customer: customerId,
        client_reference_id: user.id,
        line_items: [{ price, quantity }],
        metadata,
        subscription_data: { metadata },
        success_url: `${appUrl}/billing?checkout=success`,
        cancel_url: `${appUrl}/billing?checkout=cancelled`,
      });
      if (!session.url) throw new Error("Checkout session has no URL");
      log("billing.checkout", { userId: user.id, plan, interval, sessionId: session.id });
      return c.json({ url: session.url });
    } catch (error) {
      throw stripeFailure(error);
    }
  })

  .post("/portal", async (c) => {
    const user = currentUser(c);
    const stripe = stripeClient(c.env);
    const account = await c.var.db.select().from(billingAccounts).where(eq(billingAccounts.userId, user.id)).get();
    if (!account?.stripeCustomerId) throw conflict("no_billing_account", "There is nothing to manage yet: choose a plan first.");
    try {
      const session = await stripe.billingPortal.sessions.create({ customer: account.stripeCustomerId, return_url: `${config(c.env).appUrl}/billing` });
      return c.json({ url: session.url });
    } catch (error) {
      throw stripeFailure(error);
    }
  });
