// Billing fixtures: per-account limits written straight to D1, verified users, and Stripe
// events signed like Stripe signs them (stripe-node's generateTestHeaderStringAsync).
import { env, exports } from "cloudflare:workers";
import Stripe from "stripe";
import { BASE, linkFromOutbox, type TestClient } from "./client";

const testEnv = env as unknown as Env & { STRIPE_WEBHOOK_SECRET: string; STRIPE_API_PORT: string };
export const WEBHOOK_SECRET = testEnv.STRIPE_WEBHOOK_SECRET;
export const FAKE_STRIPE = `http://127.0.0.1:${testEnv.STRIPE_API_PORT}`;
const cryptoProvider = Stripe.createSubtleCryptoProvider();

/** Custom limits for one account (the operator override), over whatever its plan allows. */
export async function setLimits(userId: string, limits: Record<string, number>) {
  await env.DB.prepare(
    "insert into billing_accounts (user_id, limits_override, updated_at) values (?1, ?2, ?3) on conflict(user_id) do update set limits_override = excluded.limits_override",
  )
    .bind(userId, JSON.stringify(limits), new Date().toISOString())
    .run();
}

export async function verifyEmail(client: TestClient, email: string) {
  const token = decodeURIComponent(new URL(await linkFromOutbox(email, "/verify?token=")).searchParams.get("token")!);
  const res = await client.post("/api/auth/verify", { token });
  if (res.status !== 200) throw new Error(`verify failed: ${res.status}`);
}

export async function r2Keys(projectId: string): Promise<string[]> {
  return (await env.PAPERS.list({ prefix: `projects/${projectId}/` })).objects.map((o) => o.key);
}

export const now = () => Math.floor(Date.now() / 1000);

export function stripeEvent(type: string, object: Record<string, unknown>, created = now(), id = `evt_${crypto.randomUUID().replaceAll("-", "")}`) {
  return { id, object: "event", type, created, livemode: false, api_version: "2026-10-28.endive", data: { object } };
}

export function subscription(fields: { id?: string; customer: string; userId?: string; status: string; price?: string; quantity?: number; periodEnd?: number }) {
  return {
    id: fields.id ?? `sub_${crypto.randomUUID().slice(0, 12)}`,
    object: "subscription",
    customer: fields.customer,
    status: fields.status,
    metadata: fields.userId ? { userId: fields.userId } : {},
    items: {
      object: "list",
      data: [
        {
          id: "si_1",
          object: "subscription_item",
          quantity: fields.quantity ?? 1,
          current_period_end: fields.periodEnd ?? now() + 30 * 86400,
          price: { id: fields.price ?? "price_researcher_month", object: "price", recurring: { interval: (fields.price ?? "").endsWith("year") ? "year" : "month" } },
        },
      ],
    },
  };
}

export async function signature(payload: string, opts: { secret?: string; timestamp?: number } = {}) {
  return Stripe.webhooks.generateTestHeaderStringAsync({ payload, secret: opts.secret ?? WEBHOOK_SECRET, timestamp: opts.timestamp, cryptoProvider });
}

/** POSTs to the webhook as Stripe would: no cookie, no Origin, the raw JSON body. */
export async function deliver(payload: unknown, headers: Record<string, string> | null = null) {
  const body = typeof payload === "string" ? payload : JSON.stringify(payload);
  const sig = headers ?? { "Stripe-Signature": await signature(body) };
  const res = await exports.default.fetch(new Request(`${BASE}/api/stripe/webhook`, { method: "POST", headers: { "Content-Type": "application/json", ...sig }, body }));
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

export async function fakeRequests(): Promise<{ method: string; path: string; params: Record<string, string>; idempotencyKey: string | null }[]> {
  return (await (await fetch(`${FAKE_STRIPE}/__fake/requests`)).json<{ requests: never[] }>()).requests;
}
