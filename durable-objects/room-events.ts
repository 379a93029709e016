// The room's durable event log: numbering, the replay buffer and its pruning. Plain functions
// over the room's SQLite so tests can call them directly.
import type { DurableEvent, DurableEventInput } from "../protocol/realtime";
import { readMeta, writeMeta, type Sql } from "./room-storage";

/** The contract's floor: a resume is served from at least the last 1,000 events... */
export const KEEP_EVENTS = 1000;
/** ...and from at least the last hour. */
export const KEEP_MS = 60 * 60 * 1000;
/** A hard ceiling so a flood inside one hour cannot grow the log without bound. */
export const MAX_EVENTS = 50_000;
/** Past this many missed events a client is told to refetch: cheaper than the replay. */
export const MAX_REPLAY = 5_000;

export function lastSeq(sql: Sql): number {
  return readMeta(sql, "last_seq");
}

/** Numbers and stores one event; returns it as it goes on the wire. */
export function appendEvent(sql: Sql, input: DurableEventInput, now: number): DurableEvent {
  const seq = lastSeq(sql) + 1;
  const { type, ...payload } = input;
  sql.exec("INSERT INTO events (seq, type, payload, created_at) VALUES (?, ?, ?, ?)", seq, type, JSON.stringify(payload), now);
  writeMeta(sql, "last_seq", seq);
  return { ...input, seq };
}

/**
 * Drops events that are both beyond the last KEEP_EVENTS and older than KEEP_MS, and anything
 * beyond MAX_EVENTS. Returns how many rows went.
 */
export function pruneEvents(sql: Sql, now: number, keep = { events: KEEP_EVENTS, ms: KEEP_MS, max: MAX_EVENTS }): number {
  const last = lastSeq(sql);
  const byAge = sql.exec("DELETE FROM events WHERE seq <= ? AND created_at < ?", last - keep.events, now - keep.ms).rowsWritten;
  const byCap = sql.exec("DELETE FROM events WHERE seq <= ?", last - keep.max).rowsWritten;
  return byAge + byCap;
}

export type ReplayResult = { kind: "replay"; events: DurableEvent[] } | { kind: "resync" };

/**
 * Every held event in (afterSeq, upTo], in order, or `resync` when some of them were pruned,
 * there are too many, or the client claims a seq this room never issued (it knew a wiped room).
 * `upTo` lets a socket's resume stop where its live stream began (its hello's seq).
 */
export function eventsAfter(sql: Sql, afterSeq: number, upTo = Number.POSITIVE_INFINITY): ReplayResult {
  const last = lastSeq(sql);
  if (afterSeq > last) return { kind: "resync" };
  const end = Math.min(upTo, last);
  if (afterSeq >= end) return { kind: "replay", events: [] };
  if (end - afterSeq > MAX_REPLAY) return { kind: "resync" };
  const oldest = sql.exec<{ seq: number | null }>("SELECT MIN(seq) AS seq FROM events").one().seq;
  if (oldest === null || oldest > afterSeq + 1) return { kind: "resync" };
  const rows = sql.exec<{ seq: number; type: string; payload: string }>(
    "SELECT seq, type, payload FROM events WHERE seq > ? AND seq <= ? ORDER BY seq",
    afterSeq,
    end,
  );
  const events: DurableEvent[] = [];
  for (const row of rows) {
    // Validated on the way in (publish); the type column and the payload rebuild the frame.
    events.push({ type: row.type, ...JSON.parse(row.payload), seq: row.seq } as DurableEvent);
  }
  return { kind: "replay", events };
}
