// The room's event log and schema as plain functions over a real Durable Object's SQLite.
import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { appendEvent, eventsAfter, KEEP_EVENTS, KEEP_MS, lastSeq, MAX_REPLAY, pruneEvents } from "../../durable-objects/room-events";
import { migrate, MIGRATIONS, readMeta } from "../../durable-objects/room-storage";
import type { AnnotationDto } from "../../protocol/annotations";
import type { DurableEventInput } from "../../protocol/realtime";

const freshRoom = () => env.PROJECT_ROOM.get(env.PROJECT_ROOM.idFromName(`unit-${crypto.randomUUID()}`));
const event = (pages: number): DurableEventInput => ({
  type: "document.status",
  documentId: "d1",
  status: "parsing",
  progress: { pages, total: null },
  error: null,
});
const highlight: AnnotationDto = {
  id: "a1", documentId: "d1", page: 1, quote: "q", prefix: "", suffix: "", rects: [{ x: 0.1, y: 0.1, w: 0.5, h: 0.02 }],
  color: "yellow", note: null, authorId: "u1", createdAt: "2026-01-01T00:00:00.000Z", updatedAt: "2026-01-01T00:00:00.000Z", version: 1,
};
const HOUR = 60 * 60 * 1000;
const T0 = Date.UTC(2026, 0, 1);

describe("room storage", () => {
  it("migrates once and again without effect", async () => {
    await runInDurableObject(freshRoom(), (_room, state) => {
      const latest = MIGRATIONS.at(-1)!.version;
      expect(readMeta(state.storage.sql, "schema_version")).toBe(latest);
      expect(migrate(state.storage)).toBe(latest);
      const extra = [...MIGRATIONS, { version: latest + 1, up: (sql: SqlStorage) => void sql.exec("CREATE TABLE later_issue (x)") }];
      expect(migrate(state.storage, extra)).toBe(latest + 1);
      expect(migrate(state.storage, extra)).toBe(latest + 1);
      const tables = state.storage.sql.exec<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'").toArray().map((r) => r.name);
      expect(tables).toEqual(expect.arrayContaining(["events", "pages", "room_meta", "later_issue"]));
    });
  });
});

describe("room events", () => {
  it("numbers from 1 and rebuilds frames on replay", async () => {
    await runInDurableObject(freshRoom(), (_room, state) => {
      const sql = state.storage.sql;
      expect(lastSeq(sql)).toBe(0);
      expect(appendEvent(sql, event(1), T0)).toEqual({ ...event(1), seq: 1 });
      appendEvent(sql, { type: "annotation.created", annotation: highlight }, T0);
      expect(eventsAfter(sql, 0)).toEqual({ kind: "replay", events: [{ ...event(1), seq: 1 }, { type: "annotation.created", annotation: highlight, seq: 2 }] });
      expect(eventsAfter(sql, 1, 1)).toEqual({ kind: "replay", events: [] });
      expect(eventsAfter(sql, 2)).toEqual({ kind: "replay", events: [] });
      expect(eventsAfter(sql, 3)).toEqual({ kind: "resync" });
    });
  });

  it("keeps the last 1,000 events even when they are old, and drops older ones", async () => {
    await runInDurableObject(freshRoom(), (_room, state) => {
      const sql = state.storage.sql;
      for (let i = 1; i <= KEEP_EVENTS + 10; i++) appendEvent(sql, event(i), T0);
      expect(pruneEvents(sql, T0 + 2 * HOUR)).toBe(10);
      expect(eventsAfter(sql, 9)).toEqual({ kind: "resync" });
      const replay = eventsAfter(sql, 10);
      expect(replay.kind === "replay" && replay.events.length).toBe(KEEP_EVENTS);
      expect(lastSeq(sql)).toBe(KEEP_EVENTS + 10);
    });
  });

  it("keeps everything from the last hour even past 1,000 events", async () => {
    await runInDurableObject(freshRoom(), (_room, state) => {
      const sql = state.storage.sql;
      for (let i = 1; i <= KEEP_EVENTS + 10; i++) appendEvent(sql, event(i), T0);
      expect(pruneEvents(sql, T0 + KEEP_MS - 1)).toBe(0);
      const replay = eventsAfter(sql, 0);
      expect(replay.kind === "replay" && replay.events.length).toBe(KEEP_EVENTS + 10);
    });
  });

  it("never reuses a seq after everything was pruned, and caps the log", async () => {
    await runInDurableObject(freshRoom(), (_room, state) => {
      const sql = state.storage.sql;
      for (let i = 1; i <= 20; i++) appendEvent(sql, event(i), T0);
      expect(pruneEvents(sql, T0, { events: 5, ms: HOUR, max: 8 })).toBe(12);
      expect(pruneEvents(sql, T0 + 2 * HOUR, { events: 0, ms: HOUR, max: 8 })).toBe(8);
      expect(appendEvent(sql, event(21), T0).seq).toBe(21);
      expect(eventsAfter(sql, 19)).toEqual({ kind: "resync" });
      expect(eventsAfter(sql, 20)).toEqual({ kind: "replay", events: [{ ...event(21), seq: 21 }] });
    });
  });

  it("asks for a resync instead of replaying more than MAX_REPLAY events", async () => {
    await runInDurableObject(freshRoom(), (_room, state) => {
      const sql = state.storage.sql;
      for (let i = 1; i <= MAX_REPLAY + 1; i++) appendEvent(sql, event(i), T0);
      expect(eventsAfter(sql, 0)).toEqual({ kind: "resync" });
      const replay = eventsAfter(sql, 1);
      expect(replay.kind === "replay" && replay.events.length).toBe(MAX_REPLAY);
    });
  });
});
