// `npm run load` — a bounded load test against a fresh `wrangler dev` on 127.0.0.1.
// LOAD_USERS simulated users (default 50) in projects of LOAD_GROUP (5) upload generated papers,
// search, annotate, comment and list papers for LOAD_SECONDS (120), each holding the project's
// WebSocket open. Prints throughput, p50/p99 per operation and error counts (429s apart), then
// checks nothing was lost: every accepted upload is listed, its file is served with its size,
// it ends parsed or failed with a reason (after the queue drains, bounded by LOAD_DRAIN_SECONDS),
// and every annotation and comment created is listed.
// `npm run load -- --uploads-only`: every user only uploads (sustained upload rate, files/s, MB/s).
// Uploads, highlights and comments retry transient answers like the web client does (uploads are
// deduplicated by SHA-256, creates carry a client-chosen id); searches and lists give up after
// 30 s and ask once more; the retried attempts are reported.
// LOAD_SERVER_LOG=<file> keeps the server's output; SK_LOG_LEVEL=info makes it say more.
// `wrangler dev` restarts the worker when a source file changes: do not edit the tree during a run
// (or run it from a copy: `git archive HEAD | tar -x -C /tmp/x`, node_modules linked).
import { randomBytes } from "node:crypto";
import { mkdtempSync, openSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import WebSocket from "ws";
import { makePaper } from "../scripts/make-pdf.mjs";
import { buildClient, startServer } from "../scripts/server.mjs";
import { fmt, percentile } from "./lib.mjs";

const { values: args } = parseArgs({ options: { "uploads-only": { type: "boolean", default: false } } });
const UPLOADS_ONLY = args["uploads-only"];
const int = (name, fallback) => Number.parseInt(process.env[name] ?? "", 10) || fallback;
const SECONDS = int("LOAD_SECONDS", 120);
const USERS = int("LOAD_USERS", 50);
const GROUP = int("LOAD_GROUP", 5);
const PAGES = int("LOAD_PAGES", 20);
/** Extra bytes per paper: uniform in [0, LOAD_PADDING_MAX) so sizes vary. */
const PADDING_MAX = int("LOAD_PADDING_MAX", 400_000);
const THINK_MS = UPLOADS_ONLY ? 0 : int("LOAD_THINK_MS", 200);
const DRAIN_SECONDS = int("LOAD_DRAIN_SECONDS", 600);
const PORT = int("LOAD_PORT", 8797);
const WEIGHTS = UPLOADS_ONLY ? { upload: 1 } : { upload: 0.25, search: 0.3, annotate: 0.15, comment: 0.1, list: 0.2 };

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** Attempts answered transiently and then retried (uploads, highlights, comments), by status and detail. */
const retriedAttempts = new Map();
const clientId = () => randomBytes(16).toString("base64url");

const detailOf = (res, n) => (typeof res.body === "object" ? (res.body?.error?.code ?? "") : String(res.body).slice(0, n));

/**
 * One POST as the web client sends it: a transient answer (no answer, 429, 5xx) is sent again with
 * backoff — safe because uploads are deduplicated by SHA-256 and creates carry a client-chosen id
 * (client/src/lib/upload.ts, client/src/lib/idempotent-create.ts). The table shows the final
 * outcome; the retried attempts are counted apart.
 */
async function sendWithRetries(u, op, method, pathname, init, { attempts, backoffMs }) {
  const started = performance.now();
  let res;
  for (let attempt = 1; ; attempt++) {
    res = await u.request(null, method, pathname, init);
    const transient = res.status === 0 || res.status === 429 || res.status >= 500;
    if (!transient || attempt >= attempts) break;
    const key = `${op} ${res.status} ${detailOf(res, 60)}`;
    retriedAttempts.set(key, (retriedAttempts.get(key) ?? 0) + 1);
    await sleep(backoffMs(attempt) * (0.5 + Math.random() / 2));
  }
  record(op, performance.now() - started, res.status, detailOf(res, 80));
  return res;
}
const postWithRetries = (u, op, pathname, init, retries) => sendWithRetries(u, op, "POST", pathname, init, retries);
/**
 * A GET as a person reading would: given up after READ_TIMEOUT_MS and asked again once. Under
 * load, wrangler's local proxy has parked a GET with no answer for good (docs/benchmarks.md);
 * without a limit one such request stretches the run by undici's 300 s header timeout.
 */
const READ_TIMEOUT_MS = 30_000;
const getWithRetry = (u, op, pathname) => sendWithRetries(u, op, "GET", pathname, { timeoutMs: READ_TIMEOUT_MS }, { attempts: 2, backoffMs: () => 250 });
const UPLOAD_RETRIES = { attempts: 4, backoffMs: (n) => Math.min(8000, 500 * 2 ** (n - 1)) };
const CREATE_RETRIES = { attempts: 3, backoffMs: (n) => 400 * 3 ** (n - 1) };
const pick = (items) => items[Math.floor(Math.random() * items.length)];

// ---- measurements ------------------------------------------------------------------------
const stats = {};
const stat = (op) => (stats[op] ??= { ok: [], limited: 0, errors: 0, samples: new Map() });
function record(op, ms, status, detail = "") {
  const s = stat(op);
  if (status >= 200 && status < 300) s.ok.push(ms);
  else if (status === 429) s.limited++;
  else {
    s.errors++;
    const key = `${status} ${detail}`.slice(0, 160);
    s.samples.set(key, (s.samples.get(key) ?? 0) + 1);
  }
}

// ---- one simulated person ----------------------------------------------------------------
let ipSeq = 0;
class User {
  constructor(url, label) {
    ipSeq++;
    this.url = url;
    this.label = label;
    this.ip = `10.77.${ipSeq >> 8}.${ipSeq & 255}`;
    this.email = `${label}-${Math.random().toString(36).slice(2, 8)}@load.example`;
    this.password = "load test password";
    this.cookie = null;
  }

  headers(extra = {}) {
    return { Origin: this.url, "CF-Connecting-IP": this.ip, ...(this.cookie ? { Cookie: this.cookie } : {}), ...extra };
  }

  /** One timed request; returns {status, body} and never throws (network errors are status 0). */
  async request(op, method, pathname, { json, body, headers, timeoutMs } = {}) {
    const started = performance.now();
    let status = 0;
    let parsed = null;
    try {
      const res = await fetch(this.url + pathname, {
        method,
        signal: timeoutMs ? AbortSignal.timeout(timeoutMs) : undefined,
        headers: this.headers({ ...(json !== undefined ? { "Content-Type": "application/json" } : {}), ...headers }),
        body: json !== undefined ? JSON.stringify(json) : body,
      });
      status = res.status;
      const text = await res.text();
      parsed = text && res.headers.get("content-type")?.includes("json") ? JSON.parse(text) : text;
      const cookie = res.headers.getSetCookie().map((c) => c.split(";")[0]).find((c) => c.startsWith("sk_session="));
      if (cookie) this.cookie = cookie;
    } catch (error) {
      parsed = String(error?.cause?.code ?? error);
    }
    if (op) record(op, performance.now() - started, status, typeof parsed === "object" ? (parsed?.error?.code ?? "") : String(parsed).slice(0, 80));
    return { status, body: parsed };
  }

  async signUp() {
    const res = await this.request("setup", "POST", "/api/auth/signup", { json: { email: this.email, password: this.password, name: this.label } });
    if (res.status !== 201) throw new Error(`signup ${res.status} ${JSON.stringify(res.body)}`);
  }

  openSocket(projectId, counters) {
    const ws = new WebSocket(`${this.url.replace("http", "ws")}/api/projects/${projectId}/live`, { headers: this.headers() });
    ws.on("open", () => counters.opened++);
    ws.on("message", () => counters.frames++);
    ws.on("error", () => counters.errors++);
    ws.on("close", () => {
      if (!this.closing) counters.dropped++;
    });
    this.ws = ws;
  }
}

// ---- the run -----------------------------------------------------------------------------
buildClient({ force: false });
const persistTo = mkdtempSync(path.join(os.tmpdir(), "sk-load-"));
// Plan quotas are lifted: this measures the machine, not the free plan's storage cap.
const server = await startServer({
  port: PORT,
  persistTo,
  vars: { APP_URL: `http://127.0.0.1:${PORT}`, PLAN_LIMITS: JSON.stringify({ free: { storageBytes: 1e13, projects: 1e6, membersPerProject: 1e6, fileBytes: 1e9 } }) },
  stdio: process.env.LOAD_SERVER_LOG ? openSync(process.env.LOAD_SERVER_LOG, "w") : "ignore",
});
const url = server.url;
let exitCode = 0;
try {
  // Setup (untimed): people, projects of GROUP people, one shared paper per project.
  const users = Array.from({ length: USERS }, (_, i) => new User(url, `user${i}`));
  for (let i = 0; i < users.length; i += 10) await Promise.all(users.slice(i, i + 10).map((u) => u.signUp()));
  const projects = [];
  for (let g = 0; g < users.length; g += GROUP) {
    const members = users.slice(g, g + GROUP);
    const owner = members[0];
    const created = await owner.request("setup", "POST", "/api/projects", { json: { name: `Load ${g / GROUP}` } });
    const project = { id: created.body.project.id, members, uploads: [], annotations: [], comments: [], seedId: null, seedAnnotation: null };
    for (const m of members.slice(1)) {
      const invite = await owner.request("setup", "POST", `/api/projects/${project.id}/invites`, { json: { email: m.email, role: "editor" } });
      if (invite.status !== 201) throw new Error(`invite ${invite.status} ${JSON.stringify(invite.body)}`);
    }
    projects.push(project);
    for (const m of members) m.project = project;
  }
  const outbox = await users[0].request(null, "GET", "/api/dev/outbox");
  for (const u of users) {
    if (u.project.members[0] === u) continue;
    const mail = outbox.body.items.find((m) => m.to === u.email && m.text.includes("/invites/"));
    const token = decodeURIComponent(/\/invites\/([^\s/?#]+)/.exec(mail.text)[1]);
    const accepted = await u.request("setup", "POST", `/api/invites/${encodeURIComponent(token)}/accept`, { json: {} });
    if (accepted.status !== 200) throw new Error(`accept ${accepted.status} ${JSON.stringify(accepted.body)}`);
  }
  await Promise.all(
    projects.map(async (p) => {
      const owner = p.members[0];
      const up = await owner.request("setup", "POST", `/api/projects/${p.id}/documents`, {
        body: makePaper(3, `seed-${p.id}`),
        headers: { "Content-Type": "application/pdf", "X-Filename": "seed.pdf" },
      });
      p.seedId = up.body.document.id;
      for (let t = 0; t < 600; t++) {
        const d = await owner.request(null, "GET", `/api/projects/${p.id}/documents/${p.seedId}`);
        if (d.body?.document?.status === "parsed") break;
        await sleep(250);
      }
    }),
  );
  const sockets = { opened: 0, frames: 0, errors: 0, dropped: 0 };
  for (const u of users) u.openSocket(u.project.id, sockets);
  await sleep(1000);
  console.log(`setup: ${USERS} users, ${projects.length} projects, ${sockets.opened} sockets open; running ${SECONDS} s${UPLOADS_ONLY ? " (uploads only)" : ""}…`);

  // The timed phase.
  const ops = {
    async upload(u) {
      const p = u.project;
      const label = `${u.label}-${p.uploads.length}-${Math.random().toString(36).slice(2)}`;
      const bytes = makePaper(PAGES, label, { paddingBytes: Math.floor(Math.random() * PADDING_MAX) });
      const res = await postWithRetries(u, "upload", `/api/projects/${p.id}/documents`, {
        body: bytes,
        headers: { "Content-Type": "application/pdf", "X-Filename": encodeURIComponent(`${label}.pdf`) },
      }, UPLOAD_RETRIES);
      if (res.status === 201 || (res.status === 200 && res.body?.duplicate)) p.uploads.push({ id: res.body.document.id, size: bytes.length });
    },
    async search(u) {
      await getWithRetry(u, "search", `/api/projects/${u.project.id}/search?q=${pick(["protein folding", "quick brown", "fox", "studies", "paper"])}`);
    },
    async annotate(u) {
      const p = u.project;
      const json = { id: clientId(), page: 1 + Math.floor(Math.random() * 3), quote: "protein folding", prefix: "studies ", suffix: ".", rects: [{ x: Math.random() * 0.5, y: Math.random() * 0.9, w: 0.3, h: 0.02 }], color: "yellow", note: `note by ${u.label}` };
      const res = await postWithRetries(u, "annotate", `/api/projects/${p.id}/documents/${p.seedId}/annotations`, { json }, CREATE_RETRIES);
      if (res.status === 201 || res.status === 200) p.annotations.push(res.body.annotation.id);
    },
    async comment(u) {
      const p = u.project;
      const annotationId = p.annotations.length ? pick(p.annotations) : null;
      const json = { id: clientId(), body: `A thought from ${u.label}.`, annotationId };
      const res = await postWithRetries(u, "comment", `/api/projects/${p.id}/documents/${p.seedId}/comments`, { json }, CREATE_RETRIES);
      if (res.status === 201 || res.status === 200) p.comments.push(res.body.comment.id);
    },
    async list(u) {
      await getWithRetry(u, "list", `/api/projects/${u.project.id}/documents?limit=50`);
    },
  };
  const entries = Object.entries(WEIGHTS);
  const choose = () => {
    let r = Math.random();
    for (const [name, w] of entries) if ((r -= w) <= 0) return name;
    return entries[0][0];
  };
  const started = performance.now();
  const end = Date.now() + SECONDS * 1000;
  await Promise.all(
    users.map(async (u) => {
      while (Date.now() < end) {
        await ops[choose()](u);
        if (THINK_MS) await sleep(Math.random() * 2 * THINK_MS);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const socketsAtEnd = users.filter((u) => u.ws.readyState === WebSocket.OPEN).length;

  // Report.
  const uploads = projects.flatMap((p) => p.uploads);
  const uploadedBytes = uploads.reduce((n, u) => n + u.size, 0);
  const totalOk = Object.values(stats).reduce((n, s) => n + (s === stats.setup ? 0 : s.ok.length), 0);
  console.log(`\n${USERS} users, ${SECONDS} s, ${os.cpus().length} cores, think ${THINK_MS} ms, papers ${PAGES} pages + 0–${(PADDING_MAX / 1000).toFixed(0)} KB padding`);
  console.log(`throughput: ${fmt(totalOk / elapsed)} successful requests/s; uploads ${fmt(uploads.length / elapsed, 2)} files/s, ${fmt(uploadedBytes / 1e6 / elapsed, 2)} MB/s (${uploads.length} files, ${fmt(uploadedBytes / 1e6)} MB)`);
  console.log("\n| operation | ok | ok/s | p50 ms | p99 ms | 429 | errors |\n|---|---|---|---|---|---|---|");
  for (const [op, s] of Object.entries(stats)) {
    if (op === "setup") continue;
    console.log(`| ${op} | ${s.ok.length} | ${fmt(s.ok.length / elapsed)} | ${fmt(percentile(s.ok, 50), 0)} | ${fmt(percentile(s.ok, 99), 0)} | ${s.limited} | ${s.errors} |`);
  }
  for (const [op, s] of Object.entries(stats)) for (const [k, n] of s.samples) console.log(`  ${op} error ×${n}: ${k}`);
  const retried = [...retriedAttempts.values()].reduce((a, b) => a + b, 0);
  if (retried) console.log(`attempts answered transiently and retried (not in the table): ${retried} — ${[...retriedAttempts].map(([k, n]) => `${n}× ${k}`).join("; ")}`);
  console.log(`websockets: ${sockets.opened} opened, ${socketsAtEnd} still open at the end, ${sockets.dropped} dropped, ${sockets.errors} errors, ${sockets.frames} frames received`);

  // Nothing lost: wait for the queue to drain, then check every upload, annotation and comment.
  const owner = (p) => p.members[0];
  async function listAll(p, pathname, key = "items") {
    const items = [];
    let cursor = "";
    for (let i = 0; i < 10_000; i++) {
      const res = await owner(p).request(null, "GET", `${pathname}${pathname.includes("?") ? "&" : "?"}limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
      if (res.status !== 200) throw new Error(`list ${pathname}: ${res.status}`);
      items.push(...res.body[key]);
      if (!res.body.nextCursor) break;
      cursor = res.body.nextCursor;
    }
    return items;
  }
  const drainStart = Date.now();
  let docsByProject;
  for (;;) {
    docsByProject = await Promise.all(projects.map((p) => listAll(p, `/api/projects/${p.id}/documents`)));
    const pending = docsByProject.flat().filter((d) => d.status === "queued" || d.status === "parsing").length;
    if (pending === 0 || Date.now() - drainStart > DRAIN_SECONDS * 1000) break;
    await sleep(2000);
  }
  const drainSeconds = (Date.now() - drainStart) / 1000;
  const all = docsByProject.flat();
  const byId = new Map(all.map((d) => [d.id, d]));
  const lost = { notListed: 0, fileMissing: 0, sizeMismatch: 0, failedWithoutReason: 0, annotations: 0, comments: 0, extraRows: 0 };
  let stillPending = 0;
  for (const u of uploads) {
    const d = byId.get(u.id);
    if (!d) lost.notListed++;
    else if (d.status === "failed" && !d.error?.message) lost.failedWithoutReason++;
    else if (d.status === "queued" || d.status === "parsing") stillPending++;
  }
  const known = new Set([...uploads.map((u) => u.id), ...projects.map((p) => p.seedId)]);
  lost.extraRows = all.filter((d) => !known.has(d.id)).length;
  // R2 objects = document rows: every row's file is served, with the size the upload sent.
  const sizes = new Map(uploads.map((u) => [u.id, u.size]));
  const queue = projects.flatMap((p, i) => docsByProject[i].map((d) => ({ p, d })));
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let item = queue.shift(); item; item = queue.shift()) {
        const res = await fetch(`${url}/api/projects/${item.p.id}/documents/${item.d.id}/file`, { method: "HEAD", headers: owner(item.p).headers() });
        if (res.status !== 200) lost.fileMissing++;
        else if (sizes.has(item.d.id) && Number(res.headers.get("content-length") ?? sizes.get(item.d.id)) !== sizes.get(item.d.id)) lost.sizeMismatch++;
      }
    }),
  );
  for (const p of projects) {
    const annotations = new Set((await listAll(p, `/api/projects/${p.id}/documents/${p.seedId}/annotations`)).map((a) => a.id));
    lost.annotations += p.annotations.filter((id) => !annotations.has(id)).length;
    const comments = new Set((await listAll(p, `/api/projects/${p.id}/documents/${p.seedId}/comments`)).map((c) => c.id));
    lost.comments += p.comments.filter((id) => !comments.has(id)).length;
  }
  const statuses = all.reduce((m, d) => ({ ...m, [d.status]: (m[d.status] ?? 0) + 1 }), {});
  const failures = all.filter((d) => d.status === "failed").reduce((m, d) => ({ ...m, [d.error?.code]: (m[d.error?.code] ?? 0) + 1 }), {});
  console.log(`\nafter the run: queue drained in ${fmt(drainSeconds, 0)} s; documents ${JSON.stringify(statuses)}${Object.keys(failures).length ? `, failures ${JSON.stringify(failures)}` : ""}`);
  console.log(`checked ${uploads.length} accepted uploads, ${all.length} document rows (${all.length} files served), ${projects.reduce((n, p) => n + p.annotations.length, 0)} annotations, ${projects.reduce((n, p) => n + p.comments.length, 0)} comments`);
  const lostTotal = Object.values(lost).reduce((a, b) => a + b, 0);
  console.log(`lost: ${lostTotal} ${JSON.stringify(lost)}${stillPending ? `; ${stillPending} uploads stored but still queued after ${DRAIN_SECONDS} s (not lost: raise LOAD_DRAIN_SECONDS)` : ""}`);
  const errors = Object.entries(stats).reduce((n, [op, s]) => n + (op === "setup" ? 0 : s.errors), 0);
  if (lostTotal > 0 || errors > 0) exitCode = 1;
  for (const u of users) {
    u.closing = true;
    u.ws.close();
  }
} finally {
  server.stop();
  await sleep(500);
  rmSync(persistTo, { recursive: true, force: true });
}
process.exit(exitCode);
