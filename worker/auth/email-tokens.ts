// One-time tokens sent by email (verification, password reset), stored hashed with an expiry.
import { and, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "../db/client";
import { emailTokens } from "../db/schema";
import { newToken, sha256Hex } from "../lib/crypto";
import { inSeconds, nowIso } from "../lib/time";

export type EmailTokenKind = "verify" | "reset";
const TTL_SECONDS: Record<EmailTokenKind, number> = { verify: 48 * 3600, reset: 3600 };

export async function issueEmailToken(db: Db, userId: string, kind: EmailTokenKind): Promise<string> {
  const token = newToken();
  await db
    .insert(emailTokens)
    .values({ tokenHash: await sha256Hex(token), userId, kind, expiresAt: inSeconds(TTL_SECONDS[kind]) })
    .run();
  return token;
}

/** Marks the token used and returns its user id, or null when unknown, expired or used. */
export async function consumeEmailToken(db: Db, token: string, kind: EmailTokenKind): Promise<string | null> {
  const row = await db
    .update(emailTokens)
    .set({ usedAt: nowIso() })
    .where(
      and(
        eq(emailTokens.tokenHash, await sha256Hex(token)),
        eq(emailTokens.kind, kind),
        isNull(emailTokens.usedAt),
        gt(emailTokens.expiresAt, nowIso()),
      ),
    )
    .returning({ userId: emailTokens.userId })
    .get();
  return row?.userId ?? null;
}
