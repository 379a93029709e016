// Per-user caps on work in flight (worker/abuse/): uploads streaming at once and open WebSockets
// across all projects. vitest.config.ts sets the caps to 3 uploads and 6 sockets. Every test
// first proves the user really holds the slots (lease rows in D1), so no refusal is vacuous.
import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { SOCKET_LEASE_HEADER } from "../../durable-objects/socket-leases";
import { USER_ID_HEADER, USER_NAME_HEADER } from "../../durable-objects/sockets";
import { tryAcquireLease, UPLOAD_LEASE_SECONDS } from "../../worker/abuse/user-leases";
import { config } from "../../worker/config";
import { createDb } from "../../worker/db/client";
import { BASE, signUp, type TestClient } from "../helpers/client";
import { uploadPdf } from "../helpers/documents";
import { connectLive } from "../helpers/live";
import { makePaper } from "../helpers/pdf";
import { addMember, createProject } from "../helpers/project";

const UPLOAD_CAP = config(env).maxParallelUploadsPerUser;
const SOCKET_CAP = config(env).maxSocketsPerUserTotal;

const leaseCount = async (userId: string, kind: "upload" | "socket") =>
  (await env.DB.prepare("select count(*) as n from user_leases where user_id = ? and kind = ?").bind(userId, kind).first<{ n: number }>())!.n;

async function waitFor(what: string, check: () => Promise<boolean>, ms = 5000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

function expectCapped(res: { status: number; headers: Headers; body: any }, code: string) {
  expect(res.status).toBe(429);
  expect(res.body).toEqual({ error: { code, message: expect.any(String) } });
  expect(Number(res.headers.get("Retry-After"))).toBeGreaterThan(0);
}

/** An upload whose body stays open after its first KB until `finish()`: it holds its slot meanwhile. */
function heldUpload(client: TestClient, projectId: string, bytes: Uint8Array) {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
      c.enqueue(bytes.slice(0, 1024));
    },
  });
  const response = client
    .fetch(`/api/projects/${projectId}/documents`, { method: "POST", headers: { "Content-Type": "application/pdf", "X-Filename": "held.pdf" }, body, duplex: "half" } as RequestInit)
    .then(async (res) => ({ status: res.status, body: await res.json<any>() }));
  return {
    response,
    finish() {
      controller.enqueue(bytes.slice(1024));
      controller.close();
      return response;
    },
  };
}

describe("lease table", () => {
  it("gives exactly `cap` of many concurrent requests a slot; expired leases do not count", async () => {
    const { userId } = await signUp("leases");
    const db = createDb(env.DB);
    const request = { userId, kind: "upload", projectId: null, cap: 3, ttlSeconds: UPLOAD_LEASE_SECONDS } as const;
    const results = await Promise.all(Array.from({ length: 12 }, () => tryAcquireLease(db, request)));
    expect(results.filter((id) => id !== null)).toHaveLength(3);
    expect(await leaseCount(userId, "upload")).toBe(3);

    await env.DB.prepare("update user_leases set expires_at = '2000-01-01T00:00:00.000Z' where user_id = ?").bind(userId).run();
    expect(await tryAcquireLease(db, request)).not.toBeNull();
  });
});

describe("parallel uploads per user", () => {
  it("refuses uploads over the cap with 429 while the others stream, and frees the slots when they end", async () => {
    const [owner, other] = await Promise.all([signUp("uploader"), signUp("otheruploader")]);
    const projectId = await createProject(owner.client);
    const otherProject = await createProject(other.client);
    const part = makePaper(1, "part");
    const resumable = await owner.client.post(`/api/projects/${projectId}/uploads`, { filename: "big.pdf", size: part.length });
    expect(resumable.status).toBe(201);
    const putPart = () =>
      owner.client.fetch(`/api/projects/${projectId}/uploads/${resumable.body.uploadId}/parts/1`, { method: "PUT", headers: { "Content-Length": String(part.length) }, body: part });

    const held = Array.from({ length: UPLOAD_CAP }, (_, i) => heldUpload(owner.client, projectId, makePaper(2, `held-${i}`)));
    await waitFor("every held upload taking its slot", async () => (await leaseCount(owner.userId, "upload")) === UPLOAD_CAP);

    expectCapped(await uploadPdf(owner.client, projectId, makePaper(1, "one too many")), "too_many_uploads");
    const partRefused = await putPart();
    expectCapped({ status: partRefused.status, headers: partRefused.headers, body: await partRefused.json() }, "too_many_uploads");
    // Another account uploads as usual meanwhile.
    expect((await uploadPdf(other.client, otherProject, makePaper(1, "someone else"))).status).toBe(201);

    const finished = await Promise.all(held.map((h) => h.finish()));
    expect(finished.map((r) => r.status)).toEqual(Array(UPLOAD_CAP).fill(201));
    expect(await leaseCount(owner.userId, "upload")).toBe(0);
    expect((await uploadPdf(owner.client, projectId, makePaper(1, "after"))).status).toBe(201);
    expect((await putPart()).status).toBe(200);
    // Refused and failed requests give their slot back too.
    expect((await uploadPdf(owner.client, projectId, new TextEncoder().encode("not a pdf"))).status).toBe(415);
    expect(await leaseCount(owner.userId, "upload")).toBe(0);
  });
});

describe("open WebSockets per user, across projects", () => {
  const liveRequest = (client: TestClient, projectId: string) =>
    exports.default.fetch(
      new Request(`${BASE}/api/projects/${projectId}/live`, {
        headers: { Upgrade: "websocket", Cookie: client.cookie!, Origin: client.origin!, "CF-Connecting-IP": client.ip },
      }),
    );

  async function refusedConnect(client: TestClient, projectId: string) {
    const res = await liveRequest(client, projectId);
    expect(res.webSocket).toBeNull();
    return { status: res.status, headers: res.headers, body: await res.json() };
  }

  it("refuses a connect over the cap with 429, frees a slot when a socket closes, and leaves others alone", async () => {
    const [owner, member] = await Promise.all([signUp("sockets"), signUp("socketmember")]);
    const first = await createProject(owner.client, "First");
    const second = await createProject(owner.client, "Second");
    await addMember(owner.client, first, member, "viewer");
    const sockets = [];
    for (let i = 0; i < SOCKET_CAP; i++) sockets.push((await connectLive(owner.client, i % 2 ? second : first)).socket);
    expect(await leaseCount(owner.userId, "socket")).toBe(SOCKET_CAP);

    expectCapped(await refusedConnect(owner.client, first), "too_many_connections");
    expectCapped(await refusedConnect(owner.client, second), "too_many_connections");
    // A member of the same project connects as usual.
    await connectLive(member.client, first);

    sockets[1]!.ws.close(1000);
    await waitFor("the room giving the closed socket's slot back", async () => (await leaseCount(owner.userId, "socket")) === SOCKET_CAP - 1);
    await connectLive(owner.client, first);
    expectCapped(await refusedConnect(owner.client, second), "too_many_connections");
  });

  it("drops leases whose socket no longer exists (a reset room) and keeps the open ones", async () => {
    const person = await signUp("stalesockets");
    const projectId = await createProject(person.client);
    for (let i = 0; i < SOCKET_CAP - 1; i++) await connectLive(person.client, projectId);
    // The last slot is held by a lease whose socket is gone without a close handler running.
    await env.DB.prepare("insert into user_leases (id, user_id, kind, project_id, expires_at) values (?, ?, 'socket', ?, '2999-01-01T00:00:00.000Z')")
      .bind("stale-lease", person.userId, projectId)
      .run();
    // All old enough to be checked with the room (young leases are trusted: their upgrade may be in flight).
    await env.DB.prepare("update user_leases set created_at = '2001-01-01T00:00:00.000Z' where user_id = ?").bind(person.userId).run();
    expect(await leaseCount(person.userId, "socket")).toBe(SOCKET_CAP);

    await connectLive(person.client, projectId);
    const left = await env.DB.prepare("select id from user_leases where user_id = ? and kind = 'socket'").bind(person.userId).all<{ id: string }>();
    expect(left.results.map((r) => r.id)).not.toContain("stale-lease");
    // The open sockets' leases were confirmed by the room, so the cap still holds.
    expect(left.results).toHaveLength(SOCKET_CAP);
    expectCapped(await refusedConnect(person.client, projectId), "too_many_connections");
  });

  it("the room gives the lease back when it refuses a socket over its own per-project cap", async () => {
    const person = await signUp("roomcap");
    const room = env.PROJECT_ROOM.get(env.PROJECT_ROOM.idFromName(`room-${crypto.randomUUID()}`));
    const headers = { Upgrade: "websocket", [USER_ID_HEADER]: person.userId, [USER_NAME_HEADER]: "R" };
    for (let i = 0; i < 10; i++) {
      const res = await room.fetch("http://room/live", { headers });
      res.webSocket!.accept();
    }
    const leaseId = await tryAcquireLease(createDb(env.DB), { userId: person.userId, kind: "socket", projectId: null, cap: 1, ttlSeconds: 60 });
    expect(leaseId).not.toBeNull();
    const over = await room.fetch("http://room/live", { headers: { ...headers, [SOCKET_LEASE_HEADER]: leaseId! } });
    const closed = new Promise<number>((resolve) => over.webSocket!.addEventListener("close", (e) => resolve(e.code)));
    over.webSocket!.accept();
    expect(await closed).toBe(1008);
    expect(await leaseCount(person.userId, "socket")).toBe(0);
  });
});
