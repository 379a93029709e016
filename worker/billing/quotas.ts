// Plan limits, enforced where the cost is incurred: creating a project, inviting someone,
// storing a file. Each check answers 402 with a code naming the limit and what to do about it.
import type { PlanLimits } from "../../protocol/billing";
import type { Db } from "../db/client";
import { AppError, notFound } from "../errors";
import { limitsFor, ownedProjects, projectOwner, seatsTaken, storageUsed } from "./account";
import { PLANS } from "./plans";

type LimitCode = "storage_limit" | "project_limit" | "member_limit" | "file_size_limit";

export const planLimitReached = (code: LimitCode, message: string) => new AppError(402, code, message);

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${+(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 ** 2) return `${+(bytes / 1024 ** 2).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

const UPGRADE = "upgrade on the Billing page (/billing)";

/** At project creation: the creator becomes the owner, so their project count is what grows. */
export async function enforceProjectQuota(env: Env, db: Db, userId: string): Promise<void> {
  const [{ plan, limits }, owned] = await Promise.all([limitsFor(env, db, userId), ownedProjects(db, userId)]);
  if (owned >= limits.projects) {
    throw planLimitReached(
      "project_limit",
      `Your ${PLANS[plan].name} plan allows ${limits.projects} projects and you own ${owned}. Delete a project you no longer need, or ${UPGRADE}.`,
    );
  }
}

/** At invite: members plus open invitations may not pass the owner's members-per-project limit. */
export async function enforceMemberQuota(env: Env, db: Db, projectId: string): Promise<void> {
  const ownerId = await projectOwner(db, projectId);
  if (!ownerId) throw notFound("project");
  const [{ plan, limits }, taken] = await Promise.all([limitsFor(env, db, ownerId), seatsTaken(db, projectId)]);
  const total = taken.members + taken.pendingInvites;
  if (total >= limits.membersPerProject) {
    throw planLimitReached(
      "member_limit",
      `This project's owner is on the ${PLANS[plan].name} plan, which allows ${limits.membersPerProject} people per project ` +
        `(${taken.members} members and ${taken.pendingInvites} open invitations now). Remove someone or revoke an invitation, or the owner can ${UPGRADE}.`,
    );
  }
}

/**
 * Before (declared size) and after (real size) storing a file: the per-file limit and the
 * owner's storage. `cleanup` runs before the 402 is thrown, so nothing half-written remains.
 */
export async function enforceUploadQuota(env: Env, db: Db, projectId: string, bytes: number, cleanup?: () => Promise<unknown>): Promise<void> {
  const ownerId = await projectOwner(db, projectId);
  if (!ownerId) throw notFound("project");
  const [{ plan, limits }, used] = await Promise.all([limitsFor(env, db, ownerId), storageUsed(db, ownerId)]);
  const error = uploadError(plan, limits, used, bytes);
  if (!error) return;
  await cleanup?.().catch(() => undefined);
  throw error;
}

function uploadError(plan: keyof typeof PLANS, limits: PlanLimits, used: number, bytes: number): AppError | null {
  const name = PLANS[plan].name;
  if (bytes > limits.fileBytes) {
    return planLimitReached(
      "file_size_limit",
      `This file is ${formatBytes(bytes)}; the ${name} plan takes files up to ${formatBytes(limits.fileBytes)}. Compress the PDF, or the project's owner can ${UPGRADE}.`,
    );
  }
  if (used + bytes > limits.storageBytes) {
    return planLimitReached(
      "storage_limit",
      `This project's owner has used ${formatBytes(used)} of the ${formatBytes(limits.storageBytes)} storage in the ${name} plan, and this file needs ${formatBytes(bytes)} more. ` +
        `Delete papers you no longer need, or the owner can ${UPGRADE}.`,
    );
  }
  return null;
}
