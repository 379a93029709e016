// The project WebSocket (api.md §Realtime) and the ProjectRoom's RPC surface, against the real
// local Durable Object. Every test uses its own project id: room storage is shared across tests.
import { runInDurableObject } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { USER_ID_HEADER, USER_NAME_HEADER } from "../../durable-objects/sockets";
import type { DocumentDto } from "../../protocol/documents";
import { PING_FRAME, ServerMessage } from "../../protocol/realtime";
import { BASE, signUp, TestClient } from "../helpers/client";
import { LiveSocket, WAIT_MS } from "../helpers/live-socket";
import { uploadPdf } from "../helpers/documents";
import { makePaper } from "../helpers/pdf";
import { addMember, createProject, type Person } from "../helpers/project";

// ---- the room directly ---------------------------------------------------------------------

const room = (projectId: string) => env.PROJECT_ROOM.get(env.PROJECT_ROOM.idFromName(projectId));

async function connectDirect(projectId: string, userId: string, name = `Name ${userId}`): Promise<{ socket: LiveSocket; hello: Extract<ServerMessage, { type: "hello" }> }> {
  const res = await room(projectId).fetch("http://room/live", {
    headers: { Upgrade: "websocket", [USER_ID_HEADER]: userId, [USER_NAME_HEADER]: encodeURIComponent(name) },
  });
  expect(res.status).toBe(101);
  const socket = new LiveSocket(res.webSocket!);
  return { socket, hello: await socket.nextOf("hello") };
}

function fakeDocument(id: string, title = "A paper"): DocumentDto {
  const now = new Date().toISOString();
  return {
    id, projectId: "p", filename: "a.pdf", size: 1, sha256: "0", status: "queued", progress: { pages: 0, total: null },
    error: null, title, authors: [], year: null, doi: null, arxivId: null, abstract: null, pageCount: null, tags: [],
    duplicateOf: null, uploadedBy: "u", createdAt: now, updatedAt: now,
  };
}

const statusEvent = (documentId: string, pages: number) =>
  ({ type: "document.status", documentId, status: "parsing", progress: { pages, total: 10 }, error: null }) as const;

const fresh = () => `room-${crypto.randomUUID()}`;

describe("ProjectRoom over RPC", () => {
  it("stores page texts idempotently and deletes them per document", async () => {
    const stub = room(fresh());
    const pages = Array.from({ length: 70 }, (_, i) => ({ page: i + 1, text: `text of page ${i + 1} — ünïcode` }));
    expect(await stub.putPages("doc1", pages)).toBe(70);
    expect(await stub.putPages("doc1", pages)).toBe(70);
    await stub.putPages("doc2", [{ page: 1, text: "other" }]);
    expect(await stub.pageCount("doc1")).toBe(70);
    expect(await stub.getPage("doc1", 42)).toBe("text of page 42 — ünïcode");
    expect(await stub.getPage("doc1", 71)).toBeNull();
    await stub.putPages("doc1", [{ page: 42, text: "reparsed" }]);
    expect(await stub.getPage("doc1", 42)).toBe("reparsed");
    expect(await stub.pageCount("doc1")).toBe(70);
    expect(await stub.deletePages("doc1")).toBe(70);
    expect(await stub.pageCount("doc1")).toBe(0);
    expect(await stub.getPage("doc2", 1)).toBe("other");
    // Called in the object, not over RPC: a rejecting RPC leaks an unhandled rejection in the
    // test pool (cloudflare/workers-sdk#14736) although callers see the error.
    await runInDurableObject(stub, async (instance) => {
      await expect(instance.putPages("doc1", [{ page: 0, text: "x" }])).rejects.toThrow(RangeError);
    });
  });

  it("numbers events from 1 and refuses malformed ones", async () => {
    const stub = room(fresh());
    expect(await stub.currentSeq()).toBe(0);
    expect(await stub.publish({ type: "document.created", document: fakeDocument("d1") })).toBe(1);
    expect(await stub.publish(statusEvent("d1", 1))).toBe(2);
    expect(await stub.currentSeq()).toBe(2);
    await runInDurableObject(stub, async (instance) => {
      // @ts-expect-error an unknown event type
      await expect(instance.publish({ type: "document.exploded", document: fakeDocument("d1") })).rejects.toThrow();
      await expect(instance.publish({ ...statusEvent("d1", 1), progress: { pages: -1, total: 1 } })).rejects.toThrow();
    });
    expect(await stub.currentSeq()).toBe(2);
  });

  it("destroy() closes sockets and wipes storage", async () => {
    const stub = room(fresh());
    await stub.putPages("d", [{ page: 1, text: "x" }]);
    const projectId = fresh();
    const { socket: inRoom } = await connectDirect(projectId, "u");
    await room(projectId).destroy();
    expect((await inRoom.closeWith()).code).toBe(4004);
    await runInDurableObject(room(projectId), (_instance, state) => {
      expect(state.storage.sql.exec("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '\\_%' ESCAPE '\\'").toArray()).toEqual([]);
    });
  });
});

describe("ProjectRoom WebSocket", () => {
  it("says hello with the last seq and the presence of everyone there", async () => {
    const projectId = fresh();
    await room(projectId).publish({ type: "document.created", document: fakeDocument("d1") });
    const a = await connectDirect(projectId, "ua", "Ada Lovelace");
    expect(a.hello).toEqual({ type: "hello", seq: 1, userId: "ua", presence: [{ userId: "ua", name: "Ada Lovelace", documentId: null, page: null }] });
    const b = await connectDirect(projectId, "ub");
    expect(b.hello.presence.map((p) => p.userId)).toEqual(["ua", "ub"]);
  });

  it("delivers the same seq-ordered events to every socket, and none to another project", async () => {
    const projectId = fresh();
    const a = await connectDirect(projectId, "ua");
    const b = await connectDirect(projectId, "ub");
    const other = await connectDirect(fresh(), "uc");
    const stub = room(projectId);
    await stub.publish({ type: "document.created", document: fakeDocument("d1") });
    for (let p = 1; p <= 3; p++) await stub.publish(statusEvent("d1", p));
    await stub.publish({ type: "document.deleted", document: fakeDocument("d1") });
    const expected = [
      { type: "document.created", seq: 1 },
      { type: "document.status", seq: 2, progress: { pages: 1, total: 10 } },
      { type: "document.status", seq: 3 },
      { type: "document.status", seq: 4 },
      { type: "document.deleted", seq: 5 },
    ];
    const seenA = await a.socket.eventsUntilPong();
    const seenB = await b.socket.eventsUntilPong();
    expect(seenA).toMatchObject(expected);
    expect(seenB).toEqual(seenA);
    expect(seenA[0]).toMatchObject({ document: { id: "d1", title: "A paper", status: "queued" } });
    expect(await other.socket.eventsUntilPong()).toEqual([]);
  });

  it("replays exactly the missed events after a reconnect", async () => {
    const projectId = fresh();
    const stub = room(projectId);
    const first = await connectDirect(projectId, "ua");
    await stub.publish({ type: "document.created", document: fakeDocument("d1") });
    const before = await first.socket.eventsUntilPong();
    const lastSeen = before.at(-1)!;
    expect(lastSeen).toMatchObject({ seq: 1 });
    first.socket.ws.close(1000);

    for (let p = 1; p <= 3; p++) await stub.publish(statusEvent("d1", p));
    const again = await connectDirect(projectId, "ua");
    expect(again.hello.seq).toBe(4);
    // Live after the hello; the replay must not repeat it.
    await stub.publish({ type: "document.updated", document: fakeDocument("d1", "Renamed") });
    // The live event (5) may arrive before or among the replayed ones (2-4).
    const seen = await again.socket.resume(1, 4);
    expect(seen.map((e) => ("seq" in e ? e.seq : e.type)).sort()).toEqual([2, 3, 4, 5]);
    expect(seen.filter((e) => e.type === "document.status").map((e) => ("seq" in e ? e.seq : 0))).toEqual([2, 3, 4]);

    expect(await again.socket.resume(5, 0)).toEqual([]);
  });

  it("answers resync when the missed events were pruned or the seq is from the future", async () => {
    const projectId = fresh();
    const stub = room(projectId);
    for (let p = 1; p <= 5; p++) await stub.publish(statusEvent("d1", p));
    await runInDurableObject(stub, (_instance, state) => {
      state.storage.sql.exec("DELETE FROM events WHERE seq <= 2");
    });
    const { socket } = await connectDirect(projectId, "ua");
    expect(await socket.resume(0, 1)).toEqual([{ type: "resync" }]);
    expect((await socket.resume(2, 3)).map((e) => ("seq" in e ? e.seq : e.type))).toEqual([3, 4, 5]);
    expect(await socket.resume(99, 1)).toEqual([{ type: "resync" }]);
  });

  it("answers an invalid frame with an error frame and keeps the socket open", async () => {
    const { socket } = await connectDirect(fresh(), "ua");
    const bad: [unknown, string][] = [
      ["not json", "invalid_json"],
      [{ type: "teleport" }, "invalid_message"],
      [{ type: "resume", afterSeq: -1 }, "invalid_message"],
      [{ type: "presence", documentId: "d", page: "three" }, "invalid_message"],
      [JSON.stringify({ type: "presence", documentId: "x".repeat(5000), page: 1 }), "frame_too_large"],
      [new Uint8Array([1, 2, 3]), "invalid_message"],
    ];
    for (const [frame, code] of bad) {
      if (frame instanceof Uint8Array) socket.ws.send(frame);
      else socket.send(frame);
      const error = await socket.nextOf("error");
      expect(error.code).toBe(code);
      expect(error.message).toEqual(expect.any(String));
    }
    expect(await socket.eventsUntilPong()).toEqual([]);
  });

  it("slows a flooding socket down without closing it or touching others", async () => {
    const projectId = fresh();
    const noisy = await connectDirect(projectId, "ua");
    const calm = await connectDirect(projectId, "ub");
    for (let i = 0; i < 100; i++) noisy.socket.send('{ "type": "ping" }');
    let pongs = 0;
    let limited = 0;
    while (pongs + limited < 100) {
      const frame = await noisy.socket.next();
      if (frame.type === "pong") pongs++;
      if (frame.type === "error" && frame.code === "rate_limited") limited++;
    }
    expect(limited).toBeGreaterThan(0);
    expect(pongs).toBeGreaterThanOrEqual(40);
    expect(noisy.socket.ws.readyState).toBe(WebSocket.OPEN);
    expect(await calm.socket.eventsUntilPong()).toEqual([]);
  });

  it("answers the byte-exact ping without a handler", async () => {
    const { socket } = await connectDirect(fresh(), "ua");
    socket.send(PING_FRAME);
    expect(await socket.nextOf("pong")).toEqual({ type: "pong" });
  });

  it("broadcasts presence when someone moves, coalesced, and when they leave", async () => {
    const projectId = fresh();
    const a = await connectDirect(projectId, "ua", "Ada");
    const b = await connectDirect(projectId, "ub", "Bob");
    b.socket.send({ type: "presence", documentId: "d1", page: 3 });
    b.socket.send({ type: "presence", documentId: "d1", page: 4 });
    // Frames from the joins and the moves coalesce; wait for the one that shows the last move.
    for (;;) {
      const frame = await a.socket.nextOf("presence", 2000);
      const bob = frame.users.find((u) => u.userId === "ub");
      if (bob?.page === 4) {
        expect(frame.users).toEqual([
          { userId: "ua", name: "Ada", documentId: null, page: null },
          { userId: "ub", name: "Bob", documentId: "d1", page: 4 },
        ]);
        break;
      }
    }
    b.socket.ws.close(1000, "bye");
    for (;;) {
      const frame = await a.socket.nextOf("presence", 2000);
      if (!frame.users.some((u) => u.userId === "ub")) {
        expect(frame.users.map((u) => u.userId)).toEqual(["ua"]);
        break;
      }
    }
  });

  it("disconnectUser closes only that member's sockets", async () => {
    const projectId = fresh();
    const a1 = await connectDirect(projectId, "ua");
    const a2 = await connectDirect(projectId, "ua");
    const b = await connectDirect(projectId, "ub");
    expect(await room(projectId).disconnectUser("ua")).toBe(2);
    expect((await a1.socket.closeWith()).code).toBe(4003);
    expect((await a2.socket.closeWith()).code).toBe(4003);
    expect(await b.socket.eventsUntilPong()).toEqual([]);
  });

  it("caps the open sockets of one user in a room", async () => {
    const projectId = fresh();
    const sockets: LiveSocket[] = [];
    for (let i = 0; i < 10; i++) sockets.push((await connectDirect(projectId, "ua")).socket);
    const res = await room(projectId).fetch("http://room/live", { headers: { Upgrade: "websocket", [USER_ID_HEADER]: "ua", [USER_NAME_HEADER]: "A" } });
    const over = new LiveSocket(res.webSocket!);
    expect((await over.closeWith()).code).toBe(1008);
    sockets[0]!.ws.close(1000);
    await sockets[0]!.closed;
    // The room may see the close a moment after the client does: retry briefly for a free slot.
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const retry = await room(projectId).fetch("http://room/live", { headers: { Upgrade: "websocket", [USER_ID_HEADER]: "ua", [USER_NAME_HEADER]: "A" } });
      const socket = new LiveSocket(retry.webSocket!);
      const first = await Promise.race([socket.next(), socket.closed]);
      if ("type" in first) {
        expect(first.type).toBe("hello");
        break;
      }
      if (Date.now() > deadline) throw new Error("no slot freed after a close");
    }
  });

  it("refuses a plain request and one without a user", async () => {
    const plain = await room(fresh()).fetch("http://room/live");
    expect(plain.status).toBe(426);
    const anonymous = await room(fresh()).fetch("http://room/live", { headers: { Upgrade: "websocket" } });
    expect(anonymous.status).toBe(400);
  });
});

// ---- through the worker --------------------------------------------------------------------

const workerFetch = (request: Request) => exports.default.fetch(request);

function liveRequest(client: TestClient, projectId: string, headers: Record<string, string> = { Upgrade: "websocket" }): Request {
  const h = new Headers(headers);
  if (client.cookie) h.set("Cookie", client.cookie);
  if (client.bearer) h.set("Authorization", `Bearer ${client.bearer}`);
  if (client.origin && !h.has("Origin")) h.set("Origin", client.origin);
  h.set("CF-Connecting-IP", client.ip);
  return new Request(`${BASE}/api/projects/${projectId}/live`, { headers: h });
}

async function connect(person: Person, projectId: string) {
  const res = await workerFetch(liveRequest(person.client, projectId));
  expect(res.status).toBe(101);
  const socket = new LiveSocket(res.webSocket!);
  return { socket, hello: await socket.nextOf("hello") };
}

describe("GET /api/projects/:projectId/live", () => {
  let owner: Person;
  let member: Person;
  let stranger: Person;

  beforeAll(async () => {
    [owner, member, stranger] = await Promise.all([signUp("owner"), signUp("member"), signUp("stranger")]);
  });

  it("refuses before the upgrade: no session 401, non-member 404, no Upgrade 426, foreign Origin 403", async () => {
    const projectId = await createProject(owner.client);
    const anonymous = await workerFetch(liveRequest(new TestClient(), projectId));
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json<{ error: { code: string } }>()).error.code).toBe("unauthorized");
    const outsider = await workerFetch(liveRequest(stranger.client, projectId));
    expect(outsider.status).toBe(404);
    expect(outsider.webSocket).toBeNull();
    const plain = await workerFetch(liveRequest(owner.client, projectId, {}));
    expect(plain.status).toBe(426);
    expect(await plain.json()).toEqual({ error: { code: "upgrade_required", message: expect.any(String) } });
    const foreign = await workerFetch(liveRequest(owner.client, projectId, { Upgrade: "websocket", Origin: "https://evil.example" }));
    expect(foreign.status).toBe(403);
  });

  it("connects members with their identity, ignoring forged identity headers", async () => {
    const projectId = await createProject(owner.client);
    await addMember(owner.client, projectId, member, "viewer");
    const forged = await workerFetch(liveRequest(member.client, projectId, { Upgrade: "websocket", [USER_ID_HEADER]: owner.userId, [USER_NAME_HEADER]: "Mallory" }));
    const socket = new LiveSocket(forged.webSocket!);
    const hello = await socket.nextOf("hello");
    expect(hello).toMatchObject({ type: "hello", seq: 0, userId: member.userId, presence: [{ userId: member.userId, name: member.name }] });
  });

  it("fans events out to both members in seq order and replays after a reconnect", async () => {
    const projectId = await createProject(owner.client);
    await addMember(owner.client, projectId, member, "editor");
    const a = await connect(owner, projectId);
    const b = await connect(member, projectId);
    const stub = room(projectId);
    const base = a.hello.seq;
    await stub.publish({ type: "document.created", document: fakeDocument("d1") });
    await stub.publish(statusEvent("d1", 5));
    const seenA = await a.socket.eventsUntilPong();
    expect(seenA.map((e) => ("seq" in e ? e.seq : e.type))).toEqual([base + 1, base + 2]);
    expect(await b.socket.eventsUntilPong()).toEqual(seenA);

    b.socket.ws.close(1000);
    await stub.publish(statusEvent("d1", 10));
    const back = await connect(member, projectId);
    expect(await back.socket.resume(base + 2, 1)).toMatchObject([{ type: "document.status", seq: base + 3, progress: { pages: 10 } }]);
  });

  it("shows an upload's life to every member live: created, then status up to parsed", async () => {
    const projectId = await createProject(owner.client);
    await addMember(owner.client, projectId, member, "viewer");
    const a = await connect(owner, projectId);
    const b = await connect(member, projectId);
    const upload = await uploadPdf(owner.client, projectId, makePaper(3, "live"));
    expect(upload.status).toBe(201);
    const documentId: string = upload.body.document.id;

    async function lifeOfDocument(socket: LiveSocket) {
      const seen: ServerMessage[] = [];
      for (;;) {
        const frame = await socket.next(30_000);
        if (frame.type === "presence") continue;
        seen.push(frame);
        if (frame.type === "document.status" && frame.documentId === documentId && (frame.status === "parsed" || frame.status === "failed")) return seen;
      }
    }
    const [seenA, seenB] = await Promise.all([lifeOfDocument(a.socket), lifeOfDocument(b.socket)]);
    expect(seenB).toEqual(seenA);
    expect(seenA[0]).toMatchObject({ type: "document.created", document: { id: documentId, status: "queued" } });
    expect(seenA.at(-1)).toMatchObject({ type: "document.status", status: "parsed", progress: { pages: 3, total: 3 }, error: null });
    const seqs = seenA.map((e) => ("seq" in e ? e.seq : -1));
    expect(seqs).toEqual(seqs.map((_, i) => seqs[0]! + i));
  });

  it("disconnects a member removed from the project", async () => {
    const projectId = await createProject(owner.client);
    await addMember(owner.client, projectId, member, "viewer");
    const { socket } = await connect(member, projectId);
    const removed = await owner.client.delete(`/api/projects/${projectId}/members/${member.userId}`);
    expect(removed.status).toBe(204);
    expect((await socket.closeWith()).code).toBe(4003);
  });
});
