// A small HTTP client for integration tests: talks to the real worker through its fetch
// export, keeps the session cookie like a browser, and sends a same-site Origin by default.
import { exports } from "cloudflare:workers";

export const BASE = "http://localhost:8787";

let ipCounter = 0;
/** A fresh client IP per test client, so rate limits of one test do not leak into another. */
export function freshIp(): string {
  ipCounter++;
  return `10.${(ipCounter >> 16) & 255}.${(ipCounter >> 8) & 255}.${ipCounter & 255}`;
}

export function uniqueEmail(label = "user"): string {
  return `${label}-${crypto.randomUUID().slice(0, 8)}@example.org`;
}

export interface JsonResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export class TestClient {
  cookie: string | null = null;
  bearer: string | null = null;
  origin: string | null = BASE;
  ip = freshIp();

  async fetch(path: string, init: RequestInit & { json?: unknown } = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookie) headers.set("Cookie", this.cookie);
    if (this.bearer) headers.set("Authorization", `Bearer ${this.bearer}`);
    if (this.origin && !headers.has("Origin")) headers.set("Origin", this.origin);
    headers.set("CF-Connecting-IP", this.ip);
    let body = init.body;
    if (init.json !== undefined) {
      headers.set("Content-Type", "application/json");
      body = JSON.stringify(init.json);
    }
    const response = await exports.default.fetch(new Request(BASE + path, { ...init, headers, body }));
    for (const setCookie of response.headers.getSetCookie()) {
      const value = /^sk_session=([^;]*)/.exec(setCookie)?.[1];
      if (value !== undefined) this.cookie = value ? `sk_session=${value}` : null;
    }
    return response;
  }

  async json<T = any>(method: string, path: string, json?: unknown, headers?: HeadersInit): Promise<JsonResponse<T>> {
    const response = await this.fetch(path, { method, json, headers });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
  }

  get<T = any>(path: string) {
    return this.json<T>("GET", path);
  }
  post<T = any>(path: string, json?: unknown) {
    return this.json<T>("POST", path, json ?? {});
  }
  patch<T = any>(path: string, json?: unknown) {
    return this.json<T>("PATCH", path, json ?? {});
  }
  delete<T = any>(path: string) {
    return this.json<T>("DELETE", path);
  }
}

export async function outbox(to?: string): Promise<{ to: string; subject: string; text: string; html: string; sentAt: string }[]> {
  const response = await new TestClient().get(`/api/dev/outbox${to ? `?to=${encodeURIComponent(to)}` : ""}`);
  return response.body.items;
}

/** The newest link of `kind` sent to `email`, taken from the dev outbox like a person would. */
export async function linkFromOutbox(email: string, path: string): Promise<string> {
  const message = (await outbox(email)).find((m) => m.to === email && m.text.includes(path));
  if (!message) throw new Error(`no email to ${email} containing ${path}`);
  const match = new RegExp(`https?://[^\\s]*${path.replace(/[/?]/g, "\\$&")}[^\\s]*`).exec(message.text);
  if (!match) throw new Error(`no ${path} link in email to ${email}`);
  return match[0];
}

export async function signUp(label = "user", password = "correct horse battery"): Promise<{ client: TestClient; email: string; password: string; userId: string; name: string }> {
  const client = new TestClient();
  const email = uniqueEmail(label);
  const name = `${label[0]!.toUpperCase()}${label.slice(1)} Tester`;
  const res = await client.post("/api/auth/signup", { email, password, name });
  if (res.status !== 201) throw new Error(`signup failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { client, email, password, userId: res.body.user.id, name };
}
