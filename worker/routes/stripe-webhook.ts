// POST /api/stripe/webhook: Stripe's signed events. The signature is checked on the raw body
// (so this route is exempt from the JSON body limit and the Origin check in app.ts); a bad
// signature → 400; a known event → 200 with no second effect.
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import Stripe from "stripe";
import { billingGraceDays } from "../billing/config";
import { notConfigured, webhookSecret } from "../billing/stripe";
import { applyStripeEvent } from "../billing/webhook";
import type { AppEnv } from "../context";
import { badRequest, errorBody } from "../errors";
import { log } from "../lib/log";

const TOLERANCE_SECONDS = 300;
/** Stripe events are a few KB; the app-wide 64 KB JSON limit is lifted here, not removed. */
const WEBHOOK_BODY_LIMIT = 1024 * 1024;
const cryptoProvider = Stripe.createSubtleCryptoProvider();

export const stripeWebhookRoutes = new Hono<AppEnv>().post(
  "/webhook",
  bodyLimit({ maxSize: WEBHOOK_BODY_LIMIT, onError: (c) => c.json(errorBody("body_too_large", "The webhook body is over 1 MB."), 413) }),
  async (c) => {
  const secret = webhookSecret(c.env);
  if (!secret) throw notConfigured();
  const signature = c.req.header("Stripe-Signature");
  if (!signature) throw badRequest("invalid_signature", "The Stripe-Signature header is missing.");
  const body = await c.req.text();
  let event: Stripe.Event;
  try {
    event = await Stripe.webhooks.constructEventAsync(body, signature, secret, TOLERANCE_SECONDS, cryptoProvider);
  } catch (error) {
    log("billing.webhook_refused", { message: error instanceof Error ? error.message.slice(0, 200) : String(error) });
    throw badRequest("invalid_signature", "The webhook signature or payload is not valid.");
  }
  const outcome = await applyStripeEvent({ env: c.env, db: c.var.db, graceDays: billingGraceDays(c.env) }, event);
  return c.json({ received: true, duplicate: outcome === "duplicate" });
  },
);
