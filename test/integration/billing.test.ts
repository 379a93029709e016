// GET /api/billing, Checkout and the portal through the official Stripe client against the
// local fake (test/fake-stripe.mjs), reached over HTTP with STRIPE_API_HOST/PORT/PROTOCOL.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { signUp, TestClient } from "../helpers/client";
import { FAKE_STRIPE, fakeRequests, verifyEmail } from "../helpers/billing";
import { stripeClient } from "../../worker/billing/stripe";

describe("GET /api/billing", () => {
  it("reports the free plan, its limits, usage and the plans on offer", async () => {
    const person = await signUp("billingget");
    const res = await person.client.get("/api/billing");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ plan: "free", status: "none", interval: null, configured: true, hasCustomer: false, usage: { storageBytes: 0, projects: 0, membersByProject: [] } });
    expect(res.body.plans.map((p: any) => [p.id, p.intervals])).toEqual([["free", []], ["researcher", ["month", "year"]], ["lab", ["month", "year"]]]);
  });

  it("needs a signed-in caller", async () => {
    expect((await new TestClient().get("/api/billing")).status).toBe(401);
  });
});

describe("checkout", () => {
  it("refuses an unverified email", async () => {
    const person = await signUp("unverified");
    const res = await person.client.post("/api/billing/checkout", { plan: "researcher" });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe("email_not_verified");
  });

  it("creates the customer once and a subscription-mode session for the user", async () => {
    const person = await signUp("checkout");
    await verifyEmail(person.client, person.email);
    const res = await person.client.post("/api/billing/checkout", { plan: "researcher", interval: "year" });
    expect(res.status).toBe(200);
    expect(res.body.url).toMatch(new RegExp(`^${FAKE_STRIPE}/checkout/cs_test_`));

    const again = await person.client.post("/api/billing/checkout", { plan: "lab", interval: "month", seats: 12 });
    expect(again.status).toBe(200);
    const mine = (await fakeRequests()).filter((r) => r.params.email === person.email || r.params.client_reference_id === person.userId);
    const customers = mine.filter((r) => r.path === "/v1/customers");
    expect(customers).toHaveLength(1);
    expect(customers[0]!.params["metadata[userId]"]).toBe(person.userId);
    expect(customers[0]!.idempotencyKey).toBe(`customer-${person.userId}`);
    const sessions = mine.filter((r) => r.path === "/v1/checkout/sessions");
    expect(sessions).toHaveLength(2);
    expect(sessions[0]!.params).toMatchObject({
      mode: "subscription",
      client_reference_id: person.userId,
      "line_items[0][price]": "price_researcher_year",
      "line_items[0][quantity]": "1",
      success_url: "http://localhost:8787/billing?checkout=success",
      cancel_url: "http://localhost:8787/billing?checkout=cancelled",
      "metadata[plan]": "researcher",
    });
    expect(sessions[1]!.params).toMatchObject({ "line_items[0][price]": "price_lab_month", "line_items[0][quantity]": "12", customer: sessions[0]!.params.customer });
    expect((await person.client.get("/api/billing")).body.hasCustomer).toBe(true);
  });

  it("validates the plan", async () => {
    const person = await signUp("badplan");
    await verifyEmail(person.client, person.email);
    expect((await person.client.post("/api/billing/checkout", { plan: "free" })).status).toBe(400);
    expect((await person.client.post("/api/billing/checkout", { plan: "researcher", interval: "week" })).status).toBe(400);
  });

  it("without a secret key billing is not configured (503)", () => {
    expect(() => stripeClient({ ...env, STRIPE_SECRET_KEY: "" } as Env)).toThrow(expect.objectContaining({ status: 503, code: "billing_not_configured" }));
  });
});

describe("portal", () => {
  it("needs a customer, then returns the portal URL", async () => {
    const person = await signUp("portal");
    await verifyEmail(person.client, person.email);
    const before = await person.client.post("/api/billing/portal");
    expect(before.status).toBe(409);
    expect(before.body.error.code).toBe("no_billing_account");
    expect((await person.client.post("/api/billing/checkout", { plan: "researcher" })).status).toBe(200);
    const res = await person.client.post("/api/billing/portal");
    expect(res.status).toBe(200);
    expect(res.body.url).toMatch(new RegExp(`^${FAKE_STRIPE}/portal/bps_`));
    const portal = (await fakeRequests()).filter((r) => r.path === "/v1/billing_portal/sessions").pop()!;
    expect(portal.params.return_url).toBe("http://localhost:8787/billing");
  });
});
