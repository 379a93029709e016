// The one place plans are defined: their limits, their Stripe prices (from config vars) and how
// a subscription's price maps back to a plan. Operators may tune limits with the PLAN_LIMITS var
// (JSON, e.g. {"free":{"projects":5}}) without a code change.
import type { BillingInterval, PlanDto, PlanId, PlanLimits } from "../../protocol/billing";
import { PLAN_IDS } from "../../protocol/billing";
import { log } from "../lib/log";

const MB = 1024 * 1024;
const GB = 1024 * MB;

interface PlanDefinition {
  name: string;
  limits: PlanLimits;
  /** Lab: members per project = seats bought, never fewer than `limits.membersPerProject`. */
  seats: boolean;
}

export const PLANS: Record<PlanId, PlanDefinition> = {
  free: { name: "Free", seats: false, limits: { storageBytes: 1 * GB, projects: 3, membersPerProject: 5, fileBytes: 100 * MB } },
  researcher: { name: "Researcher", seats: false, limits: { storageBytes: 50 * GB, projects: 25, membersPerProject: 15, fileBytes: 500 * MB } },
  lab: { name: "Lab", seats: true, limits: { storageBytes: 500 * GB, projects: 200, membersPerProject: 10, fileBytes: 2 * GB } },
};

const LIMIT_KEYS = ["storageBytes", "projects", "membersPerProject", "fileBytes"] as const;

export function isPlanId(value: unknown): value is PlanId {
  return typeof value === "string" && (PLAN_IDS as readonly string[]).includes(value);
}

/** Keeps only known, positive numeric limits from an untrusted object. */
export function cleanLimits(raw: unknown): Partial<PlanLimits> {
  const out: Partial<PlanLimits> = {};
  if (!raw || typeof raw !== "object") return out;
  for (const key of LIMIT_KEYS) {
    const value = (raw as Record<string, unknown>)[key];
    if (typeof value === "number" && Number.isFinite(value) && value >= 0) out[key] = value;
  }
  return out;
}

function overrides(env: Env): Partial<Record<PlanId, Partial<PlanLimits>>> {
  if (!env.PLAN_LIMITS) return {};
  try {
    const parsed = JSON.parse(env.PLAN_LIMITS) as Record<string, unknown>;
    return Object.fromEntries(PLAN_IDS.map((id) => [id, cleanLimits(parsed[id])]));
  } catch {
    log("billing.plan_limits_invalid", { message: "PLAN_LIMITS is not valid JSON; the built-in limits apply." });
    return {};
  }
}

/** A plan's limits with config overrides applied; for lab, `seats` raises the member limit. */
export function planLimits(env: Env, plan: PlanId, seats?: number | null): PlanLimits {
  const limits = { ...PLANS[plan].limits, ...overrides(env)[plan] };
  if (PLANS[plan].seats && seats) limits.membersPerProject = Math.max(limits.membersPerProject, seats);
  return limits;
}

const PRICE_VARS: Record<Exclude<PlanId, "free">, Record<BillingInterval, keyof Env>> = {
  researcher: { month: "STRIPE_PRICE_RESEARCHER_MONTH", year: "STRIPE_PRICE_RESEARCHER_YEAR" },
  lab: { month: "STRIPE_PRICE_LAB_MONTH", year: "STRIPE_PRICE_LAB_YEAR" },
};

/** The Stripe price id for a paid plan and interval, or null when it is not configured. */
export function priceId(env: Env, plan: PlanId, interval: BillingInterval): string | null {
  if (plan === "free") return null;
  const value = env[PRICE_VARS[plan][interval]];
  return typeof value === "string" && value.trim() ? value.trim() : null;
}

/** Which plan and interval a Stripe price id stands for. */
export function planForPrice(env: Env, price: string | null | undefined): { plan: PlanId; interval: BillingInterval } | null {
  if (!price) return null;
  for (const plan of ["researcher", "lab"] as const) {
    for (const interval of ["month", "year"] as const) if (priceId(env, plan, interval) === price) return { plan, interval };
  }
  return null;
}

export function planCatalog(env: Env): PlanDto[] {
  return PLAN_IDS.map((id) => ({
    id,
    name: PLANS[id].name,
    limits: planLimits(env, id),
    seats: PLANS[id].seats,
    intervals: (["month", "year"] as const).filter((i) => priceId(env, id, i) !== null),
  }));
}
