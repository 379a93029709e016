// POST /api/stripe/webhook: signatures checked like stripe-node checks them, each event applied
// once, subscription state taken from the event's object by its timestamp.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { signUp } from "../helpers/client";
import { deliver, now, signature, stripeEvent, subscription } from "../helpers/billing";

const customerOf = () => `cus_${crypto.randomUUID().slice(0, 12)}`;

async function billing(client: Awaited<ReturnType<typeof signUp>>["client"]) {
  const res = await client.get("/api/billing");
  expect(res.status).toBe(200);
  return res.body;
}

async function checkoutCompleted(userId: string, customer: string, created = now(), plan = "researcher") {
  return stripeEvent(
    "checkout.session.completed",
    { id: `cs_${crypto.randomUUID().slice(0, 8)}`, object: "checkout.session", mode: "subscription", payment_status: "paid", customer, subscription: `sub_${customer}`, client_reference_id: userId, metadata: { userId, plan, interval: "month" } },
    created,
  );
}

describe("signature", () => {
  const payload = JSON.stringify(stripeEvent("ping.test", {}));

  it("refuses a missing header", async () => {
    expect((await deliver(payload, {})).status).toBe(400);
  });

  it("refuses a header without v1", async () => {
    expect((await deliver(payload, { "Stripe-Signature": `t=${now()}` })).status).toBe(400);
    expect((await deliver(payload, { "Stripe-Signature": `t=${now()},v0=abc` })).status).toBe(400);
  });

  it("refuses a wrong signature", async () => {
    const res = await deliver(payload, { "Stripe-Signature": await signature(payload, { secret: "whsec_someone_else" }) });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("invalid_signature");
    const tampered = await signature(payload);
    expect((await deliver(payload.replace("ping", "pong"), { "Stripe-Signature": tampered })).status).toBe(400);
  });

  it("refuses a timestamp outside the 300 s tolerance, in either direction", async () => {
    expect((await deliver(payload, { "Stripe-Signature": await signature(payload, { timestamp: now() - 301 }) })).status).toBe(400);
    expect((await deliver(payload, { "Stripe-Signature": await signature(payload, { timestamp: now() - 290 }) })).status).toBe(200);
  });

  it("accepts several v1 values when one is valid", async () => {
    const good = await signature(payload);
    const t = /t=(\d+)/.exec(good)![1];
    const v1 = /v1=([0-9a-f]+)/.exec(good)![1];
    const res = await deliver(payload, { "Stripe-Signature": `t=${t},v1=${"0".repeat(64)},v1=${v1},v0=${"1".repeat(64)}` });
    expect(res.status).toBe(200);
  });

  it("refuses a correctly signed body that is not JSON", async () => {
    const body = "{not json";
    expect((await deliver(body, { "Stripe-Signature": await signature(body) })).status).toBe(400);
  });
});

describe("effects", () => {
  it("checkout.session.completed puts the user on the plan; a repeat has no second effect", async () => {
    const person = await signUp("subscriber");
    const customer = customerOf();
    expect((await billing(person.client)).plan).toBe("free");
    const event = await checkoutCompleted(person.userId, customer);
    const first = await deliver(event);
    expect(first).toMatchObject({ status: 200, body: { received: true, duplicate: false } });
    const after = await billing(person.client);
    expect(after).toMatchObject({ plan: "researcher", status: "active", interval: "month", hasCustomer: true });
    expect(after.limits.storageBytes).toBe(50 * 1024 ** 3);
    expect((await person.client.get("/api/me")).body.user.plan).toBe("researcher");

    // Make a second application visible: wind the account back, then redeliver the same event.
    await env.DB.prepare("update billing_accounts set status = 'canceled', last_event_at = 0 where user_id = ?").bind(person.userId).run();
    const again = await deliver(event);
    expect(again).toMatchObject({ status: 200, body: { received: true, duplicate: true } });
    expect((await billing(person.client)).status).toBe("canceled");
    const rows = await env.DB.prepare("select count(*) as n from stripe_events where id = ?").bind(event.id).first<{ n: number }>();
    expect(rows?.n).toBe(1);
  });

  it("subscription.deleted arriving before subscription.created leaves it deleted", async () => {
    const person = await signUp("outoforder");
    const customer = customerOf();
    const sub = (status: string) => subscription({ id: "sub_ooo", customer, userId: person.userId, status });
    const t = now() - 100;
    expect((await deliver(stripeEvent("customer.subscription.deleted", sub("canceled"), t + 50))).status).toBe(200);
    expect((await deliver(stripeEvent("customer.subscription.created", sub("active"), t))).status).toBe(200);
    expect((await deliver(stripeEvent("customer.subscription.updated", sub("active"), t + 10))).status).toBe(200);
    const state = await billing(person.client);
    expect(state).toMatchObject({ plan: "free", status: "canceled" });
    expect((await person.client.get("/api/me")).body.user.plan).toBe("free");
  });

  it("in the same second, the more final status wins whatever the order", async () => {
    const person = await signUp("samesecond");
    const customer = customerOf();
    const t = now() - 50;
    const sub = (status: string) => subscription({ id: "sub_same", customer, userId: person.userId, status, price: "price_lab_year", quantity: 12 });
    await deliver(stripeEvent("customer.subscription.deleted", sub("canceled"), t));
    await deliver(stripeEvent("customer.subscription.created", sub("active"), t));
    expect((await billing(person.client)).status).toBe("canceled");
  });

  it("a subscription event maps its price to plan, interval and seats", async () => {
    const person = await signUp("lab");
    const customer = customerOf();
    const res = await deliver(stripeEvent("customer.subscription.created", subscription({ customer, userId: person.userId, status: "active", price: "price_lab_year", quantity: 40 })));
    expect(res.status).toBe(200);
    const state = await billing(person.client);
    expect(state).toMatchObject({ plan: "lab", interval: "year", seats: 40, status: "active" });
    expect(state.limits.membersPerProject).toBe(40);
    expect(state.currentPeriodEnd).toMatch(/^\d{4}-/);
  });

  it("a failed payment keeps the plan through the grace period, then free limits apply; paying restores it", async () => {
    const person = await signUp("pastdue");
    const customer = customerOf();
    await deliver(await checkoutCompleted(person.userId, customer, now() - 20 * 86400));
    const invoice = { id: "in_1", object: "invoice", customer, parent: { type: "subscription_details", subscription_details: { subscription: `sub_${customer}` } } };

    // Failed 2 days ago: inside the 7-day grace period.
    expect((await deliver(stripeEvent("invoice.payment_failed", invoice, now() - 2 * 86400))).status).toBe(200);
    let state = await billing(person.client);
    expect(state).toMatchObject({ plan: "researcher", subscribedPlan: "researcher", status: "past_due" });
    const grace = Date.parse(state.graceUntil);
    expect(Math.abs(grace - (Date.now() + 5 * 86400 * 1000))).toBeLessThan(60_000);

    // A later retry failing again does not extend the grace period.
    await deliver(stripeEvent("invoice.payment_failed", invoice, now() - 86400));
    expect(Date.parse((await billing(person.client)).graceUntil)).toBe(grace);

    // The grace period runs out: free limits, nothing deleted.
    await env.DB.prepare("update billing_accounts set grace_until = ? where user_id = ?").bind(new Date(Date.now() - 1000).toISOString(), person.userId).run();
    state = await billing(person.client);
    expect(state).toMatchObject({ plan: "free", subscribedPlan: "researcher", status: "past_due" });
    expect(state.limits.storageBytes).toBe(1024 ** 3);

    expect((await deliver(stripeEvent("invoice.paid", invoice, now()))).status).toBe(200);
    state = await billing(person.client);
    expect(state).toMatchObject({ plan: "researcher", status: "active", graceUntil: null });
  });

  it("a failed payment that happened over 7 days ago falls back to free at once", async () => {
    const person = await signUp("lapsed");
    const customer = customerOf();
    await deliver(await checkoutCompleted(person.userId, customer, now() - 30 * 86400));
    await deliver(stripeEvent("invoice.payment_failed", { id: "in_2", object: "invoice", customer }, now() - 8 * 86400));
    expect(await billing(person.client)).toMatchObject({ plan: "free", status: "past_due" });
  });

  it("acknowledges events it does not handle or cannot match, without effect", async () => {
    expect((await deliver(stripeEvent("customer.created", { id: "cus_x", object: "customer" }))).status).toBe(200);
    const res = await deliver(stripeEvent("customer.subscription.updated", subscription({ customer: "cus_unknown", status: "active" })));
    expect(res.status).toBe(200);
  });

  it("needs no Origin and ignores the 64 KB JSON limit", async () => {
    const big = stripeEvent("customer.updated", { id: "cus_big", object: "customer", description: "x".repeat(100 * 1024) });
    expect((await deliver(big)).status).toBe(200);
  });
});
