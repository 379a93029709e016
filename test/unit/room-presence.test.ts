// Presence and frame parsing as plain functions.
import { describe, expect, it } from "vitest";
import { parseFrame } from "../../durable-objects/client-messages";
import { FrameLimiter } from "../../durable-objects/frame-limit";
import { Coalescer, moveTo, presenceList, type SocketAttachment } from "../../durable-objects/presence";

const at = (userId: string, documentId: string | null, page: number | null, movedAt: number): SocketAttachment => ({
  userId,
  name: userId.toUpperCase(),
  documentId,
  page,
  movedAt,
  joinedSeq: 0,
});

describe("presence", () => {
  it("lists each user once, at their most recently moved socket, sorted", () => {
    const list = presenceList([at("b", "d1", 2, 10), at("a", null, null, 5), at("b", "d2", 7, 20), at("b", "d3", 1, 15)]);
    expect(list).toEqual([
      { userId: "a", name: "A", documentId: null, page: null },
      { userId: "b", name: "B", documentId: "d2", page: 7 },
    ]);
  });

  it("moves only when the position changes", () => {
    const here = at("a", "d1", 3, 1);
    expect(moveTo(here, "d1", 3, 2)).toBeNull();
    expect(moveTo(here, "d1", 4, 2)).toEqual({ ...here, page: 4, movedAt: 2 });
  });

  it("flushes at once, then at most once per interval, coalescing requests", async () => {
    let now = 1000;
    let flushes = 0;
    let flushed: () => void = () => {};
    const coalescer = new Coalescer(() => {
      flushes++;
      flushed();
    }, 30, () => now);
    coalescer.request();
    expect(flushes).toBe(1);
    now += 10;
    const second = new Promise<void>((resolve) => (flushed = resolve));
    coalescer.request();
    coalescer.request();
    coalescer.request();
    expect(flushes).toBe(1);
    now += 30;
    await Promise.race([second, new Promise((_, reject) => setTimeout(() => reject(new Error("no coalesced flush")), 2000))]);
    expect(flushes).toBe(2);
  });
});

describe("client frames", () => {
  it("accepts the contract's messages", () => {
    expect(parseFrame('{"type":"presence","documentId":"d1","page":3}')).toEqual({ ok: true, message: { type: "presence", documentId: "d1", page: 3 } });
    expect(parseFrame('{"type":"presence","documentId":null,"page":null}').ok).toBe(true);
    expect(parseFrame('{"type":"resume","afterSeq":0}')).toEqual({ ok: true, message: { type: "resume", afterSeq: 0 } });
  });

  it("refuses anything else with a code and a sentence", () => {
    expect(parseFrame("{")).toMatchObject({ ok: false, code: "invalid_json" });
    expect(parseFrame(new ArrayBuffer(2))).toMatchObject({ ok: false, code: "invalid_message" });
    expect(parseFrame('{"type":"resume","afterSeq":1.5}')).toMatchObject({ ok: false, code: "invalid_message" });
    expect(parseFrame('{"type":"presence","documentId":"d1","page":0}')).toMatchObject({ ok: false, code: "invalid_message" });
    expect(parseFrame("[]")).toMatchObject({ ok: false, code: "invalid_message" });
    expect(parseFrame(" ".repeat(5000))).toMatchObject({ ok: false, code: "frame_too_large" });
  });
});

describe("frame limiter", () => {
  it("allows a burst, then the steady rate, per socket", () => {
    const limiter = new FrameLimiter(10, 3);
    const a = {} as WebSocket;
    const b = {} as WebSocket;
    expect([1, 2, 3, 4].map(() => limiter.take(a, 0))).toEqual([true, true, true, false]);
    expect(limiter.take(b, 0)).toBe(true);
    expect(limiter.take(a, 50)).toBe(false);
    expect(limiter.take(a, 100)).toBe(true);
    expect(limiter.take(a, 10_000)).toBe(true);
  });
});
