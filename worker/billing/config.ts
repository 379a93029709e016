// Billing vars from wrangler.toml that are not plans (those live in plans.ts).
export function billingGraceDays(env: Env): number {
  const n = Number.parseFloat(env.BILLING_GRACE_DAYS ?? "");
  return Number.isFinite(n) && n >= 0 ? n : 7;
}
