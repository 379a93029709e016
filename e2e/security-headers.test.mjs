// Security headers on every kind of response the product serves: the HTML client (static
// assets, including the SPA fallback), JSON API answers, and PDF file downloads.
import assert from "node:assert/strict";
import { test } from "node:test";
import { makePaper } from "../scripts/make-pdf.mjs";

const base = process.env.E2E_BASE_URL;

function expectCommon(res, what) {
  assert.equal(res.headers.get("x-content-type-options"), "nosniff", `${what}: nosniff`);
  assert.ok(res.headers.get("referrer-policy"), `${what}: Referrer-Policy`);
  const csp = res.headers.get("content-security-policy") ?? "";
  assert.match(csp, /frame-ancestors '(none|self)'/, `${what}: frame-ancestors`);
  assert.doesNotMatch(csp, /unsafe-eval/, `${what}: no unsafe-eval`);
  return csp;
}

test("HTML pages carry a CSP without unsafe-eval, nosniff and frame-ancestors", async () => {
  for (const path of ["/", "/projects/some-project/papers/some-doc?page=3", "/login"]) {
    const res = await fetch(base + path);
    assert.equal(res.status, 200, path);
    assert.match(res.headers.get("content-type") ?? "", /text\/html/);
    const csp = expectCommon(res, path);
    assert.match(csp, /script-src 'self'/);
    assert.match(csp, /object-src 'none'/);
    await res.arrayBuffer();
  }
});

test("API answers and PDF downloads carry their own restrictive headers", async () => {
  const health = await fetch(`${base}/api/health`);
  expectCommon(health, "/api/health");
  assert.match(health.headers.get("content-security-policy"), /default-src 'none'/);

  const email = `headers-${Date.now()}@example.org`;
  const signup = await fetch(`${base}/api/auth/signup`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: base },
    body: JSON.stringify({ email, password: "headers password", name: "Headers" }),
  });
  assert.equal(signup.status, 201);
  const cookie = signup.headers.getSetCookie().map((c) => c.split(";")[0]).find((c) => c.startsWith("sk_session="));
  const headers = { Cookie: cookie, Origin: base };
  const project = await (await fetch(`${base}/api/projects`, { method: "POST", headers: { ...headers, "Content-Type": "application/json" }, body: JSON.stringify({ name: "Headers" }) })).json();
  const upload = await fetch(`${base}/api/projects/${project.project.id}/documents`, {
    method: "POST",
    headers: { ...headers, "Content-Type": "application/pdf", "X-Filename": "h.pdf" },
    body: makePaper(1, "headers"),
  });
  assert.equal(upload.status, 201);
  const { document } = await upload.json();
  const file = await fetch(`${base}/api/projects/${project.project.id}/documents/${document.id}/file`, { headers });
  assert.equal(file.status, 200);
  expectCommon(file, "file");
  assert.match(file.headers.get("content-security-policy"), /sandbox/);
  await file.arrayBuffer();
});

test("hashed client assets are cached for a year, the HTML that names them is revalidated", async () => {
  const html = await fetch(`${base}/`);
  assert.match(html.headers.get("cache-control") ?? "", /max-age=0|no-cache/);
  const asset = /\/assets\/[^"]+\.js/.exec(await html.text())?.[0];
  assert.ok(asset, "index.html names a hashed script");
  const res = await fetch(base + asset);
  assert.equal(res.status, 200);
  assert.match(res.headers.get("cache-control") ?? "", /max-age=31536000.*immutable/);
  assert.match(res.headers.get("content-security-policy") ?? "", /script-src 'self'/, "the CSP still applies to assets");
  await res.arrayBuffer();
});
