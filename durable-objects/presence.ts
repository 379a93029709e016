// Who is where: ephemeral, rebuilt from the sockets' attachments so it survives hibernation.
import type { PresenceUser } from "../protocol/realtime";

/** What each socket carries across hibernation (serializeAttachment). */
export interface SocketAttachment {
  userId: string;
  name: string;
  documentId: string | null;
  page: number | null;
  /** When the position last changed; the newest of a user's sockets speaks for them. */
  movedAt: number;
  /** The seq in this socket's hello: later events reach it live, earlier ones by resume. */
  joinedSeq: number;
}

export function isAttachment(value: unknown): value is SocketAttachment {
  if (typeof value !== "object" || value === null) return false;
  const a = value as Record<string, unknown>;
  return typeof a.userId === "string" && typeof a.name === "string" && typeof a.movedAt === "number" && typeof a.joinedSeq === "number";
}

/** One entry per user (several tabs collapse to the most recently moved one), sorted for stable output. */
export function presenceList(attachments: Iterable<SocketAttachment>): PresenceUser[] {
  const latest = new Map<string, SocketAttachment>();
  for (const a of attachments) {
    const seen = latest.get(a.userId);
    if (!seen || a.movedAt >= seen.movedAt) latest.set(a.userId, a);
  }
  return [...latest.values()]
    .map(({ userId, name, documentId, page }) => ({ userId, name, documentId, page }))
    .sort((x, y) => (x.userId < y.userId ? -1 : x.userId > y.userId ? 1 : 0));
}

/** Applies a presence frame; returns the new attachment, or null when nothing moved. */
export function moveTo(current: SocketAttachment, documentId: string | null, page: number | null, now: number): SocketAttachment | null {
  if (current.documentId === documentId && current.page === page) return null;
  return { ...current, documentId, page, movedAt: now };
}

export const PRESENCE_INTERVAL_MS = 250;

/**
 * At most one call of `flush` per interval; requests in between coalesce into the next one,
 * which reads the state as it is then. Its timer is the only in-memory state, and losing it
 * to hibernation loses nothing (a hibernated room has no pending broadcast).
 */
export class Coalescer {
  private last = Number.NEGATIVE_INFINITY;
  private pending: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly flush: () => void,
    private readonly intervalMs = PRESENCE_INTERVAL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  request(): void {
    if (this.pending !== null) return;
    const wait = this.last + this.intervalMs - this.now();
    if (wait <= 0) {
      this.run();
      return;
    }
    this.pending = setTimeout(() => {
      this.pending = null;
      this.run();
    }, wait);
  }

  private run(): void {
    this.last = this.now();
    this.flush();
  }
}
