// Shapes of §Billing shared by the worker and the client.
import { z } from "zod";

export const PLAN_IDS = ["free", "researcher", "lab"] as const;
export const INTERVALS = ["month", "year"] as const;
export type PlanId = (typeof PLAN_IDS)[number];
export type BillingInterval = (typeof INTERVALS)[number];

export const checkoutBody = z.object({
  plan: z.enum(["researcher", "lab"], { message: "Choose the researcher or lab plan." }),
  interval: z.enum(INTERVALS).default("month"),
  /** Lab only: how many people may be in each project (the subscription quantity). */
  seats: z.number().int().min(1).max(1000).optional(),
});

export interface PlanLimits {
  storageBytes: number;
  projects: number;
  membersPerProject: number;
  fileBytes: number;
}

export interface PlanDto {
  id: PlanId;
  name: string;
  limits: PlanLimits;
  /** Lab: seats are bought per person; `limits.membersPerProject` is the included number. */
  seats: boolean;
  /** Which billing intervals have a Stripe price configured. */
  intervals: BillingInterval[];
}

export interface ProjectUsageDto {
  projectId: string;
  name: string;
  members: number;
  pendingInvites: number;
  storageBytes: number;
}

export interface BillingDto {
  /** The plan whose limits apply now (free once a grace period has run out). */
  plan: PlanId;
  /** The plan paid for, even while its payment is failing. */
  subscribedPlan: PlanId;
  status: string;
  interval: BillingInterval | null;
  seats: number | null;
  currentPeriodEnd: string | null;
  graceUntil: string | null;
  limits: PlanLimits;
  usage: { storageBytes: number; projects: number; membersByProject: ProjectUsageDto[] };
  /** False when Stripe keys are not set: checkout and portal answer 503. */
  configured: boolean;
  /** A Stripe customer exists, so the portal can open. */
  hasCustomer: boolean;
  plans: PlanDto[];
}
