// Plans and billing in the browser: usage on the billing page, a 402 offering the plans, an
// upgrade that leads to (fake) Stripe Checkout, and after Stripe's signed
// checkout.session.completed the new plan and limits; a failed payment shows its banner.
import assert from "node:assert/strict";
import { after, test } from "node:test";
import Stripe from "stripe";
import { makePaper } from "../scripts/make-pdf.mjs";
import { baseUrl, latestEmail, linkIn, openBrowser, shot, uniqueEmail } from "./helpers.mjs";

const stripeUrl = process.env.E2E_STRIPE_URL;
const webhookSecret = process.env.E2E_STRIPE_WEBHOOK_SECRET;
const browsers = [];
after(async () => {
  await Promise.all(browsers.map((b) => b.close()));
});

/** Posts an event signed the way Stripe signs it. */
async function sendEvent(type, object) {
  const payload = JSON.stringify({ id: `evt_${Math.random().toString(36).slice(2)}`, object: "event", type, created: Math.floor(Date.now() / 1000), data: { object } });
  const signature = await Stripe.webhooks.generateTestHeaderStringAsync({ payload, secret: webhookSecret, cryptoProvider: Stripe.createSubtleCryptoProvider() });
  const res = await fetch(`${baseUrl}/api/stripe/webhook`, { method: "POST", headers: { "Content-Type": "application/json", "Stripe-Signature": signature }, body: payload });
  assert.equal(res.status, 200, await res.text());
}

test("billing page: usage, a plan limit, upgrade through Checkout, the new plan after the webhook", { skip: !stripeUrl && "needs the fake Stripe started by e2e/run.mjs" }, async () => {
  const browser = await openBrowser();
  browsers.push(browser);
  const { page } = browser;
  const headers = { Origin: baseUrl };
  const email = uniqueEmail("billing");
  const signup = await page.request.post("/api/auth/signup", { headers, data: { email, password: "correct horse battery", name: "Barbara McClintock" } });
  assert.equal(signup.status(), 201);
  const userId = (await signup.json()).user.id;
  const token = new URL(linkIn(await latestEmail(email, /confirm|verify/i), "/verify?token=")).searchParams.get("token");
  assert.equal((await page.request.post("/api/auth/verify", { headers, data: { token } })).status(), 200);

  for (const name of ["Maize genetics", "Transposons", "Cytogenetics"]) {
    assert.equal((await page.request.post("/api/projects", { headers, data: { name } })).status(), 201);
  }
  const projects = (await (await page.request.get("/api/projects")).json()).items;
  const paper = makePaper(6, "billing e2e");
  const upload = await page.request.post(`/api/projects/${projects[0].id}/documents`, { headers: { ...headers, "Content-Type": "application/pdf", "X-Filename": "maize.pdf" }, data: Buffer.from(paper) });
  assert.equal(upload.status(), 201);

  // A fourth project is over the free plan: the dialog says why and offers the plans.
  await page.goto("/projects");
  await page.getByRole("button", { name: "New project" }).first().click();
  await page.getByLabel("Project name").fill("Chromosome rings");
  await page.getByRole("button", { name: "Create project" }).click();
  await page.getByText("allows 3 projects").waitFor();
  await shot(page, "80-billing-project-limit");
  await page.getByRole("link", { name: "See plans" }).click();
  await page.waitForURL("**/billing");

  await page.getByRole("heading", { name: /^Free plan/ }).waitFor();
  await page.getByRole("progressbar", { name: "Storage" }).waitFor();
  assert.equal(await page.getByRole("progressbar", { name: "Projects you own" }).getAttribute("aria-valuetext"), "3 of 3");
  assert.match(await page.getByRole("progressbar", { name: "Storage" }).getAttribute("aria-valuetext"), /KB of 1 GB/);
  await shot(page, "81-billing-free");

  await page.getByRole("button", { name: "Yearly" }).click();
  await page.getByRole("button", { name: "Upgrade to Researcher" }).click();
  await page.waitForURL(`${stripeUrl}/checkout/**`);
  await page.getByRole("heading", { name: "Fake Stripe Checkout" }).waitFor();
  await shot(page, "82-billing-fake-checkout");

  const { sessions } = await (await fetch(`${stripeUrl}/__fake/requests`)).json();
  const session = sessions.filter((s) => s.client_reference_id === userId).pop();
  assert.ok(session, "Checkout session for the user");
  assert.equal(session.line_items[0].price, "price_researcher_year");
  await sendEvent("checkout.session.completed", { ...session, payment_status: "paid", status: "complete", subscription: `sub_${userId.slice(0, 8)}` });

  await page.goto("/billing?checkout=success");
  await page.getByRole("heading", { name: /^Researcher plan/ }).waitFor();
  await page.getByText("Billed yearly").waitFor();
  assert.equal(await page.getByRole("progressbar", { name: "Projects you own" }).getAttribute("aria-valuetext"), "3 of 25");
  assert.match(await page.getByRole("progressbar", { name: "Storage" }).getAttribute("aria-valuetext"), /of 50 GB/);
  await page.getByRole("button", { name: "Manage billing" }).waitFor();
  await shot(page, "83-billing-researcher");

  await sendEvent("invoice.payment_failed", { id: "in_e2e", object: "invoice", customer: session.customer });
  await page.goto("/billing");
  await page.getByText("Your last payment failed").waitFor();
  await shot(page, "84-billing-past-due");

  await page.getByRole("button", { name: "Manage billing" }).click();
  await page.waitForURL(`${stripeUrl}/portal/**`);
});

test("billing page without Stripe keys says billing is not configured", async () => {
  const browser = await openBrowser();
  browsers.push(browser);
  const { page } = browser;
  const headers = { Origin: baseUrl };
  assert.equal((await page.request.post("/api/auth/signup", { headers, data: { email: uniqueEmail("nobilling"), password: "correct horse battery", name: "Alan Turing" } })).status(), 201);
  // The same answer `npm run dev` gives with no keys, without restarting the server.
  await page.route("**/api/billing", async (route) => {
    const res = await route.fetch();
    await route.fulfill({ response: res, json: { ...(await res.json()), configured: false } });
  });
  await page.goto("/billing");
  await page.getByText("Billing is not configured on this server.").waitFor();
  assert.equal(await page.getByRole("button", { name: "Upgrade to Researcher" }).isDisabled(), true);
  await shot(page, "85-billing-not-configured");
});
