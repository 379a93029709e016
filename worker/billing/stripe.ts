// The official Stripe client over fetch. STRIPE_API_HOST/PORT/PROTOCOL point it elsewhere (a
// local fake in tests); empty means Stripe's real API. Without STRIPE_SECRET_KEY billing is
// "not configured": everything else works, checkout and portal answer 503.
import Stripe from "stripe";
import { AppError } from "../errors";

/** Secrets are set with `wrangler secret put` (or .dev.vars) and may be absent locally. */
type BillingSecrets = { STRIPE_SECRET_KEY?: string; STRIPE_WEBHOOK_SECRET?: string };
const secrets = (env: Env) => env as Env & BillingSecrets;

export const notConfigured = () =>
  new AppError(503, "billing_not_configured", "Billing is not configured on this server, so plans cannot be bought here. Everything else works.");

export function billingConfigured(env: Env): boolean {
  return Boolean(secrets(env).STRIPE_SECRET_KEY);
}

export function webhookSecret(env: Env): string | null {
  return secrets(env).STRIPE_WEBHOOK_SECRET || null;
}

export function stripeClient(env: Env): Stripe {
  const key = secrets(env).STRIPE_SECRET_KEY;
  if (!key) throw notConfigured();
  const port = Number.parseInt(env.STRIPE_API_PORT ?? "", 10);
  const protocol = env.STRIPE_API_PROTOCOL === "http" || env.STRIPE_API_PROTOCOL === "https" ? env.STRIPE_API_PROTOCOL : undefined;
  return new Stripe(key, {
    httpClient: Stripe.createFetchHttpClient(),
    ...(env.STRIPE_API_HOST ? { host: env.STRIPE_API_HOST } : {}),
    ...(Number.isFinite(port) && port > 0 ? { port } : {}),
    ...(protocol ? { protocol } : {}),
    maxNetworkRetries: 1,
    timeout: 20_000,
  });
}

/** Stripe's own errors become a 502 the person can read; ours pass through. */
export function stripeFailure(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new AppError(502, "billing_unavailable", `Stripe could not be reached or refused the request (${message.slice(0, 200)}). Try again in a moment.`);
}
