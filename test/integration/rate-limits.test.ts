// Every expensive route is limited per account (and per IP): over the budget → 429 with
// Retry-After. Bodies here are deliberately cheap or invalid: the limit is checked first.
import { describe, expect, it } from "vitest";
import { signUp, TestClient } from "../helpers/client";
import { createProject } from "../helpers/project";

/**
 * The binding counts in fixed windows aligned to the minute. Start at the beginning of one, then
 * send until the first 429 (at most twice the budget plus one, in case the run crosses into the
 * next window): the budget must have been honoured in full before that 429.
 */
async function untilRefused(limit: number, send: () => Promise<Response>) {
  const intoWindow = Date.now() % 60_000;
  if (intoWindow > 15_000) await new Promise((r) => setTimeout(r, 60_000 - intoWindow + 50));
  for (let i = 0; i < 2 * limit + 1; i++) {
    const res = await send();
    await res.arrayBuffer();
    if (res.status === 429) return { passed: i, retryAfter: res.headers.get("Retry-After") };
  }
  return { passed: 2 * limit + 1, retryAfter: null };
}

describe("rate limits on expensive routes", () => {
  it.each([
    ["upload (resumable create)", 120, (c: TestClient, p: string) => c.fetch(`/api/projects/${p}/uploads`, { method: "POST", json: { filename: "x.pdf", size: 10 } })],
    ["single upload", 120, (c: TestClient, p: string) => c.fetch(`/api/projects/${p}/documents`, { method: "POST", headers: { "Content-Type": "application/pdf" }, body: "not a pdf" })],
    ["search", 300, (c: TestClient, p: string) => c.fetch(`/api/projects/${p}/search?q=`)],
    ["websocket connect", 60, (c: TestClient, p: string) => c.fetch(`/api/projects/${p}/live`)],
    ["comment", 60, (c: TestClient, p: string) => c.fetch(`/api/projects/${p}/documents/nope/comments`, { method: "POST", json: {} })],
  ] as const)("%s: %i per minute per account, then 429 with Retry-After", { timeout: 180_000 }, async (_name, limit, send) => {
    const person = await signUp("limited");
    const projectId = await createProject(person.client);
    const { passed, retryAfter } = await untilRefused(limit, () => send(person.client, projectId));
    expect(passed).toBeGreaterThanOrEqual(limit);
    expect(passed).toBeLessThanOrEqual(2 * limit);
    expect(Number(retryAfter)).toBeGreaterThan(0);
  });
});
