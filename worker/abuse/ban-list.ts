// The active ban list, cached per isolate for a short time so the check costs no D1 query on
// most requests. Changes made through this isolate take effect at once; others within the TTL.
import { gt, isNull, or } from "drizzle-orm";
import type { Db } from "../db/client";
import { bans } from "../db/schema";
import { nowIso } from "../lib/time";

const TTL_MS = 30_000;
let cached: { at: number; networks: Map<string, string | null> } | null = null;

export function invalidateBanCache(): void {
  cached = null;
}

export async function activeBans(db: Db): Promise<Map<string, string | null>> {
  if (cached && Date.now() - cached.at < TTL_MS) return cached.networks;
  const rows = await db
    .select({ network: bans.network, expiresAt: bans.expiresAt })
    .from(bans)
    .where(or(isNull(bans.expiresAt), gt(bans.expiresAt, nowIso())))
    .all();
  cached = { at: Date.now(), networks: new Map(rows.map((r) => [r.network, r.expiresAt])) };
  return cached.networks;
}

/** True when `network` is banned now (an expiry that passed inside the cache TTL counts as lifted). */
export function isBanned(list: Map<string, string | null>, network: string | null): boolean {
  if (!network || !list.has(network)) return false;
  const expiresAt = list.get(network);
  return expiresAt == null || expiresAt > nowIso();
}
