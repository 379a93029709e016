// Reader in headless Chromium: time to the first rendered page of the 167-page yathesis thesis
// (upload via the API, open /projects/:p/papers/:d, wait for page 1's canvas to be painted), and
// the client's JavaScript gzipped before and after the reader chunk loads (sum of gzip -9 sizes of
// the JS responses the browser fetched: first the project's paper list, then a click into the paper).
// BENCH_BASE_URL=http://… uses a running server instead of a fresh one.
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { fmt, freshServer, percentile } from "./lib.mjs";

const PORT = 8798;
const PAPER = "/work/shared/corpus/papers/tlpub__latex_yathesis_french_documentation_yathesis-fr.pdf";
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const server = process.env.BENCH_BASE_URL ? { url: process.env.BENCH_BASE_URL, stop() {} } : await freshServer(PORT);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run"],
});
try {
  const { url } = server;
  const email = `reader-${Math.random().toString(36).slice(2, 10)}@bench.example`;
  const signup = await fetch(`${url}/api/auth/signup`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: url, "CF-Connecting-IP": `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` },
    body: JSON.stringify({ email, password: "benchmark password", name: "Reader bench" }),
  });
  if (signup.status !== 201) throw new Error(`signup ${signup.status}: ${await signup.text()}`);
  const session = signup.headers.getSetCookie().map((c) => c.split(";")[0]).find((c) => c.startsWith("sk_session="));
  const headers = { Cookie: session, Origin: url };
  const projectId = (await (await fetch(`${url}/api/projects`, { method: "POST", headers: { ...headers, "Content-Type": "application/json" }, body: JSON.stringify({ name: "Reader" }) })).json()).project.id;
  const bytes = readFileSync(PAPER);
  const up = await fetch(`${url}/api/projects/${projectId}/documents`, { method: "POST", headers: { ...headers, "Content-Type": "application/pdf", "X-Filename": "yathesis-fr.pdf" }, body: bytes });
  if (up.status !== 201) throw new Error(`upload ${up.status}: ${await up.text()}`);
  let doc = (await up.json()).document;
  for (let deadline = Date.now() + 300_000; doc.status !== "parsed" && doc.status !== "failed"; ) {
    if (Date.now() > deadline) throw new Error(`not parsed: ${doc.status}`);
    await sleep(500);
    doc = (await (await fetch(`${url}/api/projects/${projectId}/documents/${doc.id}`, { headers })).json()).document;
  }
  const [name, value] = session.split("=");
  const newContext = async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    await context.addCookies([{ name, value, url }]);
    return context;
  };
  const readerUrl = `${url}/projects/${projectId}/papers/${doc.id}`;
  const firstCanvas = '.pdf-page[data-page="1"] canvas';
  const painted = (page) =>
    page.waitForFunction((sel) => {
      const c = document.querySelector(sel);
      return c && c.width > 0 && c.height > 0;
    }, firstCanvas, { timeout: 60_000 });

  // Time to first rendered page: a fresh context (cold cache) per run, from goto to the painted canvas.
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await newContext();
    const page = await context.newPage();
    const start = performance.now();
    await page.goto(readerUrl);
    await painted(page);
    times.push(performance.now() - start);
    await context.close();
  }

  // JavaScript gzipped: paper list first, then into the reader by a click (client-side route).
  const context = await newContext();
  const page = await context.newPage();
  const js = new Map();
  page.on("response", async (res) => {
    const type = res.headers()["content-type"] ?? "";
    if (!/javascript/.test(type) && !res.url().endsWith(".js") && !res.url().endsWith(".mjs")) return;
    try {
      const body = await res.body();
      js.set(res.url(), { raw: body.length, gz: gzipSync(body, { level: 9 }).length });
    } catch {}
  });
  const sum = () => [...js.values()].reduce((s, v) => ({ raw: s.raw + v.raw, gz: s.gz + v.gz }), { raw: 0, gz: 0 });
  await page.goto(`${url}/projects/${projectId}`);
  await page.waitForLoadState("networkidle");
  const before = { ...sum(), files: js.size };
  const beforeUrls = new Set(js.keys());
  await page.locator(`a[href*="/papers/${doc.id}"]`).first().click();
  await painted(page);
  await page.waitForLoadState("networkidle");
  const after = { ...sum(), files: js.size };
  const added = [...js.entries()].filter(([u]) => !beforeUrls.has(u)).map(([u, v]) => `${new URL(u).pathname} ${fmt(v.gz / 1024)} KB`);
  await context.close();

  console.log(`\nReader: ${PAPER.split("/").pop()} (${doc.pageCount ?? "?"} pages, ${fmt(bytes.length / 2 ** 20, 2)} MB), headless Chromium, ${RUNS} cold loads`);
  console.log(`  time to first rendered page: p50 ${fmt(percentile(times, 50), 0)} ms   min ${fmt(Math.min(...times), 0)} ms   max ${fmt(Math.max(...times), 0)} ms`);
  console.log(`  JS before the reader (paper list): ${before.files} files, ${fmt(before.gz / 1024)} KB gzipped (${fmt(before.raw / 1024)} KB raw)`);
  console.log(`  JS after opening the reader:       ${after.files} files, ${fmt(after.gz / 1024)} KB gzipped (${fmt(after.raw / 1024)} KB raw)`);
  console.log(`  loaded for the reader: ${added.join(", ") || "none"}`);
} finally {
  await browser.close();
  server.stop();
}
