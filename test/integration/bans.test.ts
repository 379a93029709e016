import { beforeAll, describe, expect, it } from "vitest";
import { signUp, TestClient } from "../helpers/client";

let admin: TestClient;

beforeAll(async () => {
  admin = new TestClient();
  const res = await admin.post("/api/auth/signup", { email: "ops@scrollkeeper.test", password: "operator password", name: "Ops" });
  expect(res.status).toBe(201);
});

function from(ip: string, cookie: string | null = null) {
  const client = new TestClient();
  client.ip = ip;
  client.cookie = cookie;
  return client;
}

describe("IP bans", () => {
  it("are managed by admins only; others get 404", async () => {
    const { client } = await signUp("notadmin");
    expect((await client.get("/api/admin/bans")).status).toBe(404);
    expect((await client.post("/api/admin/bans", { ip: "203.0.113.1", reason: "x" })).status).toBe(404);
    expect((await new TestClient().get("/api/admin/status")).status).toBe(404);
    expect((await admin.post("/api/admin/bans", { ip: "not an ip", reason: "x" })).status).toBe(400);
  });

  it("refuse a banned IPv4 address on every route with 403, and removing the ban lifts it", async () => {
    const person = await signUp("banned");
    const created = await admin.post("/api/admin/bans", { ip: "198.51.100.7", reason: "credential stuffing" });
    expect(created.status).toBe(201);
    const banned = from("198.51.100.7", person.client.cookie);
    for (const [method, path] of [
      ["GET", "/api/health"],
      ["GET", "/api/me"],
      ["POST", "/api/auth/login"],
      ["POST", "/api/auth/signup"],
      ["GET", "/api/projects"],
      ["GET", "/api/projects/anything/documents"],
    ] as const) {
      const res = await banned.json(method, path, method === "POST" ? {} : undefined);
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.body.error.code).toBe("banned");
    }
    expect((await from("198.51.100.8").get("/api/health")).status).toBe(200);
    expect((await admin.delete(`/api/admin/bans/${created.body.ban.id}`)).status).toBe(204);
    expect((await banned.get("/api/health")).status).toBe(200);
  });

  it("refuse a whole IPv6 /64 but not its neighbours", async () => {
    await admin.post("/api/admin/bans", { ip: "2001:db8:aa:bb::/64", reason: "scraper" });
    expect((await from("2001:db8:aa:bb:1234:5678:9abc:def0").get("/api/health")).status).toBe(403);
    expect((await from("2001:db8:aa:bb::1").get("/api/health")).status).toBe(403);
    expect((await from("2001:db8:aa:bc::1").get("/api/health")).status).toBe(200);
    const list = await admin.get("/api/admin/bans");
    expect(list.body.items.some((b: any) => b.network === "2001:0db8:00aa:00bb::/64" && b.reason === "scraper")).toBe(true);
  });

  it("lift by themselves when they expire", async () => {
    await admin.post("/api/admin/bans", { ip: "192.0.2.200", reason: "cool down", ttlSeconds: 1 });
    expect((await from("192.0.2.200").get("/api/health")).status).toBe(403);
    await new Promise((r) => setTimeout(r, 1_200));
    expect((await from("192.0.2.200").get("/api/health")).status).toBe(200);
  });

  it("never trusts X-Forwarded-For", async () => {
    await admin.post("/api/admin/bans", { ip: "203.0.113.66", reason: "x" });
    const spoof = from("192.0.2.1");
    expect((await spoof.json("GET", "/api/health", undefined, { "X-Forwarded-For": "203.0.113.66" })).status).toBe(200);
  });
});

describe("admin status", () => {
  it("reports documents by status, backlog, failures and storage", async () => {
    const res = await admin.get("/api/admin/status");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      queueBacklog: expect.any(Number),
      documentsByStatus: expect.any(Object),
      failuresLastDay: expect.any(Object),
      storage: { bytes: expect.any(Number), documents: expect.any(Number) },
      users: expect.any(Number),
      projects: expect.any(Number),
    });
    expect(res.body.users).toBeGreaterThan(0);
  });
});
