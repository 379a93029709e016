import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { linkFromOutbox, outbox, signUp, TestClient, uniqueEmail } from "../helpers/client";

const tokenOf = (link: string) => new URL(link).searchParams.get("token")!;

describe("signup", () => {
  it("creates the account, sets an HttpOnly SameSite=Lax cookie and sends a verification email", async () => {
    const client = new TestClient();
    const email = uniqueEmail("signup");
    const res = await client.post("/api/auth/signup", { email, password: "long enough pw", name: "Ada" });
    expect(res.status).toBe(201);
    expect(res.body.user).toEqual({ id: expect.any(String), email, name: "Ada", emailVerified: false, plan: "free" });
    const cookie = res.headers.get("Set-Cookie")!;
    expect(cookie).toMatch(/^sk_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i); // plain http locally
    const me = await client.get("/api/me");
    expect(me.body.user.email).toBe(email);
    const mail = (await outbox()).find((m) => m.to === email)!;
    expect(mail.subject).toMatch(/confirm/i);
    expect(mail.text).toContain("http://localhost:8787/verify?token=");
    expect(mail.html).toContain("/verify?token=");
  });

  it("normalises the email and refuses a duplicate with 409", async () => {
    const { email } = await signUp("dup");
    const res = await new TestClient().post("/api/auth/signup", { email: email.toUpperCase(), password: "long enough pw", name: "B" });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("email_taken");
  });

  it.each([
    [{ email: "not-an-email", password: "long enough pw", name: "A" }, "email"],
    [{ email: "a@b.org", password: "short", name: "A" }, "password"],
    [{ email: "a@b.org", password: "long enough pw", name: "" }, "name"],
    [{ email: "a@b.org", password: 1234567890123, name: "A" }, "password"],
    [{ password: "long enough pw", name: "A" }, "email"],
  ])("rejects invalid input %j with 400 naming %s", async (body, field) => {
    const res = await new TestClient().post("/api/auth/signup", body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("invalid_input");
    expect(res.body.error.message).toContain(field);
  });

  it("answers malformed JSON and oversized bodies with clear errors, not 500", async () => {
    const client = new TestClient();
    const bad = await client.fetch("/api/auth/signup", { method: "POST", headers: { "Content-Type": "application/json" }, body: "{nope" });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as any).error.code).toBe("invalid_json");
    const big = await client.fetch("/api/auth/signup", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ email: "x@y.org", password: "p".repeat(100_000), name: "x" }),
    });
    expect(big.status).toBe(413);
    expect(((await big.json()) as any).error.code).toBe("body_too_large");
  });
});

describe("verify", () => {
  it("marks the email verified once; the same token cannot be reused", async () => {
    const { client, email } = await signUp("verify");
    const token = tokenOf(await linkFromOutbox(email, "/verify?token="));
    const res = await new TestClient().post("/api/auth/verify", { token });
    expect(res.status).toBe(200);
    expect(res.body.user.emailVerified).toBe(true);
    expect((await client.get("/api/me")).body.user.emailVerified).toBe(true);
    const again = await new TestClient().post("/api/auth/verify", { token });
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe("invalid_token");
  });

  it("rejects an unknown token", async () => {
    const res = await new TestClient().post("/api/auth/verify", { token: "x".repeat(43) });
    expect(res.status).toBe(400);
  });
});

describe("login and logout", () => {
  it("gives a new session id at every login and revokes the old one", async () => {
    const { client, email, password } = await signUp("login");
    const firstCookie = client.cookie;
    const res = await client.post("/api/auth/login", { email, password });
    expect(res.status).toBe(200);
    expect(res.body.user.email).toBe(email);
    expect(client.cookie).not.toBe(firstCookie);
    const stale = new TestClient();
    stale.cookie = firstCookie;
    expect((await stale.get("/api/me")).status).toBe(401);
    expect((await client.get("/api/me")).status).toBe(200);
  });

  it("answers a wrong password and an unknown email with the same 401", async () => {
    const { email } = await signUp("wrongpw");
    const wrong = await new TestClient().post("/api/auth/login", { email, password: "not the password" });
    const unknown = await new TestClient().post("/api/auth/login", { email: uniqueEmail("ghost"), password: "not the password" });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
  });

  it("revokes the session server-side at logout", async () => {
    const { client } = await signUp("logout");
    const cookie = client.cookie;
    expect((await client.post("/api/auth/logout")).status).toBe(204);
    const replay = new TestClient();
    replay.cookie = cookie;
    expect((await replay.get("/api/me")).status).toBe(401);
  });

  it("refuses a cookie request that changes state from a foreign or missing Origin", async () => {
    const { client } = await signUp("origin");
    const foreign = await client.json("POST", "/api/projects", { name: "x" }, { Origin: "https://evil.example" });
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.code).toBe("bad_origin");
    client.origin = null;
    const missing = await client.post("/api/projects", { name: "x" });
    expect(missing.status).toBe(403);
    client.origin = "http://localhost:8787";
    expect((await client.post("/api/projects", { name: "x" })).status).toBe(201);
  });

  it("rate-limits failed logins per email with 429 and Retry-After, even from fresh IPs", async () => {
    const { email, password } = await signUp("ratelimit");
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await new TestClient().post("/api/auth/login", { email, password: "wrong password" })).status);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses[10]).toBe(429);
    const locked = await new TestClient().post("/api/auth/login", { email, password });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("Retry-After"))).toBeGreaterThan(0);
  });

  it("rate-limits signups per IP", async () => {
    const client = new TestClient();
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) {
      statuses.push((await client.post("/api/auth/signup", { email: "invalid", password: "x", name: "" })).status);
    }
    // Invalid bodies are refused before the limiter; valid ones count.
    expect(statuses.every((s) => s === 400)).toBe(true);
    const counted: number[] = [];
    for (let i = 0; i < 21; i++) {
      counted.push((await client.post("/api/auth/signup", { email: uniqueEmail("flood"), password: "long enough pw", name: "F" })).status);
    }
    expect(counted.slice(0, 20).every((s) => s === 201)).toBe(true);
    expect(counted[20]).toBe(429);
  });
});

describe("password reset", () => {
  it("answers 202 for any email and only mails existing accounts", async () => {
    const ghost = uniqueEmail("ghost");
    const res = await new TestClient().post("/api/auth/password-reset", { email: ghost });
    expect(res.status).toBe(202);
    expect((await outbox()).some((m) => m.to === ghost)).toBe(false);
  });

  it("sets the new password and revokes every other session", async () => {
    const { client, email, password } = await signUp("reset");
    const other = new TestClient();
    await other.post("/api/auth/login", { email, password });
    expect((await other.get("/api/me")).status).toBe(200);

    expect((await new TestClient().post("/api/auth/password-reset", { email })).status).toBe(202);
    const token = tokenOf(await linkFromOutbox(email, "/reset-password?token="));
    const resetter = new TestClient();
    const confirm = await resetter.post("/api/auth/password-reset/confirm", { token, password: "a brand new password" });
    expect(confirm.status).toBe(200);
    expect((await client.get("/api/me")).status).toBe(401);
    expect((await other.get("/api/me")).status).toBe(401);
    expect((await resetter.get("/api/me")).status).toBe(200);
    expect((await new TestClient().post("/api/auth/login", { email, password })).status).toBe(401);
    expect((await new TestClient().post("/api/auth/login", { email, password: "a brand new password" })).status).toBe(200);
    const reuse = await new TestClient().post("/api/auth/password-reset/confirm", { token, password: "another new password" });
    expect(reuse.status).toBe(400);
  });

  it("limits reset requests per email", async () => {
    const { email } = await signUp("resetlimit");
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await new TestClient().post("/api/auth/password-reset", { email })).status);
    expect(statuses.slice(0, 5)).toEqual([202, 202, 202, 202, 202]);
    expect(statuses[5]).toBe(429);
  });
});

describe("password storage", () => {
  it("stores PBKDF2 hashes with a per-user salt and at most 100,000 iterations", async () => {
    const a = await signUp("hash-a", "the same password");
    const b = await signUp("hash-b", "the same password");
    const rows = await env.DB.prepare("select password_hash, password_salt, password_iterations from users where id in (?, ?)")
      .bind(a.userId, b.userId)
      .all<{ password_hash: string; password_salt: string; password_iterations: number }>();
    expect(rows.results).toHaveLength(2);
    for (const row of rows.results) {
      expect(row.password_iterations).toBeGreaterThan(0);
      expect(row.password_iterations).toBeLessThanOrEqual(100_000);
      expect(row.password_hash).not.toContain("the same password");
    }
    expect(rows.results[0]!.password_salt).not.toBe(rows.results[1]!.password_salt);
    expect(rows.results[0]!.password_hash).not.toBe(rows.results[1]!.password_hash);
  });
});

describe("personal access tokens", () => {
  it("are shown once, stored hashed, usable as Bearer without Origin, and revocable", async () => {
    const { client, email } = await signUp("pat");
    const created = await client.post("/api/tokens", { name: "laptop script" });
    expect(created.status).toBe(201);
    const { id, token } = created.body;
    expect(token).toMatch(/^skp_/);
    const stored = await env.DB.prepare("select token_hash from api_tokens where id = ?").bind(id).first<{ token_hash: string }>();
    expect(stored!.token_hash).not.toBe(token);

    const list = await client.get("/api/tokens");
    expect(list.body.items).toEqual([{ id, name: "laptop script", createdAt: expect.any(String), lastUsedAt: null }]);
    expect(JSON.stringify(list.body)).not.toContain(token);

    const script = new TestClient();
    script.origin = null;
    script.bearer = token;
    expect((await script.get("/api/me")).body.user.email).toBe(email);
    expect((await script.post("/api/projects", { name: "from a script" })).status).toBe(201);

    expect((await client.delete(`/api/tokens/${id}`)).status).toBe(204);
    expect((await script.get("/api/me")).status).toBe(401);
    expect((await client.delete(`/api/tokens/${id}`)).status).toBe(404);
  });

  it("carry the token owner's project role: a member's token reads the project, another's gets 404", async () => {
    const { client } = await signUp("patowner");
    const projectId = (await client.post("/api/projects", { name: "token access" })).body.project.id;
    const stranger = await signUp("patstranger");
    const tokenOf = async (c: TestClient) => {
      const script = new TestClient();
      script.origin = null;
      script.bearer = (await c.post("/api/tokens", { name: "script" })).body.token;
      return script;
    };
    const ownerScript = await tokenOf(client);
    const strangerScript = await tokenOf(stranger.client);
    const seen = await ownerScript.get(`/api/projects/${projectId}`);
    expect(seen.status).toBe(200);
    expect(seen.body.project.role).toBe("owner");
    expect((await ownerScript.patch(`/api/projects/${projectId}`, { name: "renamed by script" })).status).toBe(200);
    expect((await strangerScript.get(`/api/projects/${projectId}`)).status).toBe(404);
    expect((await strangerScript.get(`/api/projects/${projectId}/documents`)).status).toBe(404);
  });

  it("rejects a malformed Authorization header with 401", async () => {
    const res = await new TestClient().json("GET", "/api/me", undefined, { Authorization: "Basic abc" });
    expect(res.status).toBe(401);
  });

  it("validates the token name", async () => {
    const { client } = await signUp("patname");
    expect((await client.post("/api/tokens", { name: "" })).status).toBe(400);
  });
});

describe("outbox", () => {
  it("is newest first", async () => {
    const { email } = await signUp("order");
    await new TestClient().post("/api/auth/password-reset", { email });
    const mine = (await outbox()).filter((m) => m.to === email);
    expect(mine[0]!.subject).toMatch(/reset/i);
    expect(mine[1]!.subject).toMatch(/confirm/i);
  });
});
