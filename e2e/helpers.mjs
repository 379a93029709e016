// Shared by the browser tests: Chromium, the base URL, the dev outbox, screenshots.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";

export const baseUrl = process.env.E2E_BASE_URL ?? "http://127.0.0.1:8790";
const screenshotDir = path.join(import.meta.dirname, "screenshots");
mkdirSync(screenshotDir, { recursive: true });

const args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

/** A fresh browser profile; close() also removes it. */
export async function openBrowser({ colorScheme = "light" } = {}) {
  const userDataDir = mkdtempSync(path.join(tmpdir(), "sk-e2e-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args,
    baseURL: baseUrl,
    viewport: { width: 1280, height: 860 },
    colorScheme,
  });
  context.setDefaultTimeout(15_000);
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export async function shot(page, name) {
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: false });
}

/** The newest email to `to` whose subject matches, waiting briefly for it to be recorded. */
export async function latestEmail(to, subject) {
  for (let i = 0; i < 40; i++) {
    const res = await fetch(`${baseUrl}/api/dev/outbox`);
    const { items } = await res.json();
    const found = items.find((m) => m.to === to && subject.test(m.subject));
    if (found) return found;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no email to ${to} matching ${subject}`);
}

/** The first link into the app found in an email's text. */
export function linkIn(email, pathPrefix) {
  const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const match = email.text.match(new RegExp(`${escape(baseUrl + pathPrefix)}[^\\s>"')]+`));
  if (!match) throw new Error(`no ${baseUrl}${pathPrefix} link in email "${email.subject}":\n${email.text}`);
  return match[0];
}

export function uniqueEmail(tag) {
  return `${tag}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.org`;
}

/** Signs up through the page's request context (so its cookie jar holds the session). */
export async function signUpInPage(page, name, email = uniqueEmail(name.split(" ")[0].toLowerCase()), password = "correct horse battery") {
  const res = await page.request.post("/api/auth/signup", { headers: { Origin: baseUrl }, data: { email, password, name } });
  if (res.status() !== 201) throw new Error(`signup failed: ${res.status()} ${await res.text()}`);
  return email;
}

/** A signed-up user over the API (no browser): cookie and Origin for state-changing requests. */
export async function signUpApi(label) {
  const res = await fetch(`${baseUrl}/api/auth/signup`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: baseUrl },
    body: JSON.stringify({ email: uniqueEmail(label), password: "correct horse battery", name: label }),
  });
  if (res.status !== 201) throw new Error(`signup ${res.status}: ${await res.text()}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(";")[0]).find((c) => c.startsWith("sk_session="));
  return { headers: { Cookie: cookie, Origin: baseUrl } };
}

/**
 * Uploads `bytes` as `filename` through the page's API context (its session) and waits until the
 * paper is parsed; returns the document. A paper that fails or takes over 30 s fails the test.
 */
export async function uploadParsed(page, projectId, bytes, filename) {
  const res = await page.request.post(`/api/projects/${projectId}/documents`, {
    headers: { Origin: baseUrl, "Content-Type": "application/pdf", "X-Filename": filename },
    data: Buffer.from(bytes),
  });
  assert.equal(res.status(), 201, await res.text());
  let doc = (await res.json()).document;
  for (let i = 0; i < 200 && doc.status !== "parsed"; i++) {
    assert.notEqual(doc.status, "failed", JSON.stringify(doc));
    await new Promise((r) => setTimeout(r, 150));
    doc = (await (await page.request.get(`/api/projects/${projectId}/documents/${doc.id}`)).json()).document;
  }
  assert.equal(doc.status, "parsed", `${filename} did not parse`);
  return doc;
}
