// Shared bench helpers: a fresh app under `wrangler dev` and small stats.
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildClient, startServer } from "../scripts/server.mjs";

export async function freshServer(port) {
  buildClient({ force: false });
  const persistTo = mkdtempSync(path.join(os.tmpdir(), "sk-bench-"));
  return startServer({ port, persistTo, vars: { APP_URL: `http://127.0.0.1:${port}` }, stdio: "ignore" });
}

export function percentile(values, p) {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export const fmt = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : "n/a");

/** A signed-in user: returns the cookie and an Origin to send with state-changing requests. */
export async function signUpUser(url, label) {
  const email = `${label}-${Math.random().toString(36).slice(2, 10)}@bench.example`;
  const password = "benchmark password";
  const res = await fetch(`${url}/api/auth/signup`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: url },
    body: JSON.stringify({ email, password, name: label }),
  });
  if (res.status !== 201) throw new Error(`signup ${res.status}: ${await res.text()}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(";")[0]).find((c) => c.startsWith("sk_session="));
  return { email, password, headers: { Cookie: cookie, Origin: url } };
}

export async function createProject(url, user, name = "Bench") {
  const res = await fetch(`${url}/api/projects`, { method: "POST", headers: { ...user.headers, "Content-Type": "application/json" }, body: JSON.stringify({ name }) });
  return (await res.json()).project.id;
}
