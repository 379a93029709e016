// Realtime broadcast under `wrangler dev`: time from sending an annotation POST until each of 50
// WebSocket clients of the project has its `annotation.created` frame (p50/p99 over all
// client deliveries, and of the slowest client per write), beside a bare Durable Object echo of
// the same room (`{"type":"ping"}` answered by the runtime's auto-response) and beside the bare
// Durable Object broadcast of bench/echo-worker (HTTP POST → room → 50 sockets, no auth, no
// storage) on the same machine in the same run, writes interleaved. Then fan-out to
// BENCH_FANOUT clients (default 500): time until the last one has the event.
// The room allows 10 sockets per user, so clients are spread over invited editor accounts; the
// signup, live-connect and comment limiters are keyed by CF-Connecting-IP, so each signup, socket
// and write sends its own address.
import { makePaper } from "../scripts/make-pdf.mjs";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Stripe from "stripe";
import { unstable_startWorker } from "wrangler";
import { buildClient, root, startServer } from "../scripts/server.mjs";
import { createProject, fmt, percentile } from "./lib.mjs";

// Node 20 has no global WebSocket (flagged); the `ws` dev dependency takes the same `headers` option.
const WS = typeof WebSocket === "function" ? WebSocket : (await import("ws")).default;

const PORT = 8797;
const CLIENTS = 50;
const RUNS = Number(process.env.BENCH_RUNS ?? 50);
const FANOUT = Number(process.env.BENCH_FANOUT ?? 500);
const FANOUT_RUNS = Number(process.env.BENCH_FANOUT_RUNS ?? 5);
const PER_USER = 10;

let ipCounter = 0;
const nextIp = () => {
  ipCounter++;
  return `10.${(ipCounter >> 16) & 255}.${(ipCounter >> 8) & 255}.${ipCounter & 255}`;
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function signUp(url, label) {
  const email = `${label}-${Math.random().toString(36).slice(2, 10)}@bench.example`;
  const res = await fetch(`${url}/api/auth/signup`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: url, "CF-Connecting-IP": nextIp() },
    body: JSON.stringify({ email, password: "benchmark password", name: label }),
  });
  if (res.status !== 201) throw new Error(`signup ${res.status}: ${await res.text()}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(";")[0]).find((c) => c.startsWith("sk_session="));
  return { email, id: (await res.json()).user.id, headers: { Cookie: cookie, Origin: url } };
}

async function addEditor(url, owner, projectId, label) {
  const user = await signUp(url, label);
  const inv = await fetch(`${url}/api/projects/${projectId}/invites`, {
    method: "POST",
    headers: { ...owner.headers, "Content-Type": "application/json" },
    body: JSON.stringify({ email: user.email, role: "editor" }),
  });
  if (inv.status !== 201) throw new Error(`invite ${inv.status}: ${await inv.text()}`);
  const mail = await (await fetch(`${url}/api/dev/outbox?to=${encodeURIComponent(user.email)}`)).json();
  const token = mail.items.map((m) => /\/invites\/([A-Za-z0-9_-]+)/.exec(m.text ?? m.html ?? "")?.[1]).find(Boolean);
  if (!token) throw new Error(`no invite link for ${user.email}`);
  const acc = await fetch(`${url}/api/invites/${token}/accept`, { method: "POST", headers: user.headers });
  if (acc.status !== 200) throw new Error(`accept ${acc.status}: ${await acc.text()}`);
  return user;
}

/** Editors enough for `clients` sockets; signups paced under the 20/min-per-IP limit by address. */
async function editors(url, owner, projectId, count, have) {
  while (have.length < count) {
    const batch = Math.min(10, count - have.length);
    have.push(...(await Promise.all(Array.from({ length: batch }, (_, i) => addEditor(url, owner, projectId, `ed${have.length + i}`)))));
  }
  return have;
}

function connect(url, projectId, user) {
  const ws = new WS(`${url.replace("http", "ws")}/api/projects/${projectId}/live`, {
    headers: { ...user.headers, "CF-Connecting-IP": nextIp() },
  });
  const client = { ws, waiters: new Map() };
  ws.addEventListener("message", (event) => {
    const data = String(event.data);
    if (data === '{"type":"pong"}') return client.onPong?.();
    const frame = JSON.parse(data);
    if (frame.type === "annotation.created") client.waiters.get(frame.annotation.note)?.(performance.now());
  });
  return new Promise((resolve, reject) => {
    ws.addEventListener("open", () => resolve(client), { once: true });
    ws.addEventListener("error", (e) => reject(new Error(`socket error: ${e.message ?? e.type}`)), { once: true });
    ws.addEventListener("close", (e) => reject(new Error(`socket closed ${e.code} ${e.reason}`)), { once: true });
  });
}

async function openClients(url, projectId, users, n, clients) {
  while (clients.length < n) {
    const batch = [];
    for (let i = clients.length; i < Math.min(n, clients.length + 50); i++) batch.push(connect(url, projectId, users[Math.floor(i / PER_USER)]));
    clients.push(...(await Promise.all(batch)));
  }
  return clients;
}

/** One write; resolves with each client's delivery time (ms after the POST was sent). */
async function writeOnce(url, poster, projectId, documentId, clients, marker) {
  const arrivals = clients.map((c) => new Promise((resolve) => c.waiters.set(marker, resolve)));
  const start = performance.now();
  const res = await fetch(`${url}/api/projects/${projectId}/documents/${documentId}/annotations`, {
    method: "POST",
    headers: { ...poster.headers, "Content-Type": "application/json", "CF-Connecting-IP": nextIp() },
    body: JSON.stringify({ page: 1, quote: "quick brown fox", prefix: "The ", suffix: " studies", rects: [{ x: 0.1, y: 0.2, w: 0.3, h: 0.02 }], color: "yellow", note: marker }),
  });
  if (res.status !== 201) throw new Error(`annotation ${res.status}: ${await res.text()}`);
  httpTimes.push(performance.now() - start);
  const times = await Promise.race([Promise.all(arrivals), sleep(30_000).then(() => { throw new Error(`${marker}: not delivered to all in 30 s`); })]);
  for (const c of clients) c.waiters.delete(marker);
  return times.map((t) => t - start);
}

const httpTimes = []; // the POST's own response time, for where the broadcast time goes

/** The bare Durable Object broadcast: POST the same frame to bench/echo-worker's room. */
async function startEcho(n) {
  const worker = await unstable_startWorker({
    config: path.join(root, "bench/echo-worker/wrangler.toml"),
    dev: { server: { hostname: "127.0.0.1", port: 0 }, inspector: false, logLevel: "error", watch: false, persist: false },
  });
  await worker.ready;
  const base = String(await worker.url).replace(/\/$/, "");
  const clients = await Promise.all(
    Array.from({ length: n }, () => {
      const ws = new WS(`${base.replace("http", "ws")}/live`);
      const client = { ws, waiters: new Map() };
      ws.addEventListener("message", (event) => {
        const frame = JSON.parse(String(event.data));
        client.waiters.get(frame.annotation?.note)?.(performance.now());
      });
      return new Promise((resolve, reject) => {
        ws.addEventListener("open", () => resolve(client), { once: true });
        ws.addEventListener("error", reject, { once: true });
      });
    }),
  );
  return { worker, base, clients };
}

/** One bare broadcast of an annotation.created-sized frame; resolves with each client's delivery time. */
async function echoOnce(echo, marker) {
  const frame = JSON.stringify({
    type: "annotation.created", seq: 1,
    annotation: { id: "a".repeat(22), documentId: "d".repeat(22), page: 1, quote: "quick brown fox", prefix: "The ", suffix: " studies", rects: [{ x: 0.1, y: 0.2, w: 0.3, h: 0.02 }], color: "yellow", note: marker, authorId: "u".repeat(22), version: 1, createdAt: new Date().toISOString(), updatedAt: new Date().toISOString() },
  });
  const arrivals = echo.clients.map((c) => new Promise((resolve) => c.waiters.set(marker, resolve)));
  const start = performance.now();
  const res = await fetch(`${echo.base}/publish`, { method: "POST", body: frame });
  if (res.status !== 201) throw new Error(`echo publish ${res.status}`);
  await res.arrayBuffer();
  const times = await Promise.all(arrivals);
  for (const c of echo.clients) c.waiters.delete(marker);
  return times.map((t) => t - start);
}

async function pingOnce(client) {
  const pong = new Promise((r) => (client.onPong = r));
  const start = performance.now();
  client.ws.send('{"type":"ping"}');
  await pong;
  return performance.now() - start;
}

// A fresh server (as bench/lib.mjs freshServer) that accepts signed Stripe webhooks: 500 sockets
// need 50 members, so the owner is put on the Lab plan with 60 seats by a checkout.session.completed.
const WEBHOOK_SECRET = "whsec_bench_broadcast";
buildClient({ force: false });
const server = await startServer({
  port: PORT,
  persistTo: mkdtempSync(path.join(os.tmpdir(), "sk-bench-")),
  vars: { APP_URL: `http://127.0.0.1:${PORT}`, STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET },
  stdio: "ignore",
});

async function upgradeToLab(url, user, seats) {
  const payload = JSON.stringify({
    id: `evt_bench_${Date.now()}`, object: "event", type: "checkout.session.completed", created: Math.floor(Date.now() / 1000),
    data: { object: { id: "cs_bench", object: "checkout.session", mode: "subscription", payment_status: "paid", customer: "cus_bench", subscription: "sub_bench", client_reference_id: user.id, metadata: { userId: user.id, plan: "lab", interval: "month", seats: String(seats) } } },
  });
  const signature = await Stripe.webhooks.generateTestHeaderStringAsync({ payload, secret: WEBHOOK_SECRET, cryptoProvider: Stripe.createSubtleCryptoProvider() });
  const res = await fetch(`${url}/api/stripe/webhook`, { method: "POST", headers: { "Content-Type": "application/json", "Stripe-Signature": signature }, body: payload });
  if (!res.ok) throw new Error(`webhook ${res.status}: ${await res.text()}`);
}

try {
  const { url } = server;
  const owner = await signUp(url, "owner");
  await upgradeToLab(url, owner, Math.ceil(FANOUT / PER_USER) + 10);
  const projectId = await createProject(url, owner, "Broadcast");
  const up = await fetch(`${url}/api/projects/${projectId}/documents`, {
    method: "POST",
    headers: { ...owner.headers, "Content-Type": "application/pdf", "X-Filename": "broadcast.pdf" },
    body: makePaper(2, `broadcast-${Date.now()}`),
  });
  if (up.status !== 201) throw new Error(`upload ${up.status}: ${await up.text()}`);
  const documentId = (await up.json()).document.id;
  for (let deadline = Date.now() + 120_000; ; ) {
    const doc = (await (await fetch(`${url}/api/projects/${projectId}/documents/${documentId}`, { headers: owner.headers })).json()).document;
    if (doc?.status === "parsed") break;
    if (Date.now() > deadline) throw new Error(`document not parsed: ${doc?.status}`);
    await sleep(300);
  }

  // 1. 50 clients: broadcast latency vs ping/pong echo, interleaved so both see the same load.
  const users = await editors(url, owner, projectId, CLIENTS / PER_USER, []);
  const clients = await openClients(url, projectId, users, CLIENTS, []);
  const echo = await startEcho(CLIENTS);
  await sleep(500); // let hello/presence frames settle
  for (let i = 0; i < 5; i++) {
    await writeOnce(url, users[i % users.length], projectId, documentId, clients, `warm-${i}`);
    await echoOnce(echo, `warm-${i}`);
  }
  httpTimes.length = 0;
  const deliveries = [];
  const slowest = [];
  const echoes = [];
  const bare = [];
  const bareSlowest = [];
  for (let i = 0; i < RUNS; i++) {
    for (let j = 0; j < 3; j++) echoes.push(await pingOnce(clients[(i * 3 + j) % clients.length]));
    const bareTimes = await echoOnce(echo, `bare-${i}`);
    bare.push(...bareTimes);
    bareSlowest.push(Math.max(...bareTimes));
    const times = await writeOnce(url, users[i % users.length], projectId, documentId, clients, `run-${i}`);
    deliveries.push(...times);
    slowest.push(Math.max(...times));
  }
  const writeTimes = [...httpTimes];
  for (const c of echo.clients) c.ws.close();
  await echo.worker.dispose();

  // 2. Fan-out: grow to FANOUT clients, time until the last one has the event.
  let fanoutClients = clients;
  let fanoutError = null;
  const fanout = [];
  try {
    const allUsers = await editors(url, owner, projectId, Math.ceil(FANOUT / PER_USER), users);
    fanoutClients = await openClients(url, projectId, allUsers, FANOUT, clients);
    await sleep(1000);
    for (let i = 0; i < FANOUT_RUNS; i++) {
      fanout.push(Math.max(...(await writeOnce(url, allUsers[i % allUsers.length], projectId, documentId, fanoutClients, `fanout-${i}`))));
    }
  } catch (error) {
    fanoutError = error;
  }
  const fanoutEchoes = [];
  for (let i = 0; i < 20; i++) fanoutEchoes.push(await pingOnce(fanoutClients[i % fanoutClients.length]));
  for (const c of fanoutClients) c.ws.close();

  console.log(`\nBroadcast of annotation.created to ${CLIENTS} clients (${RUNS} writes, one at a time, wrangler dev on this machine)`);
  console.log(`  per delivery (${deliveries.length}): p50 ${fmt(percentile(deliveries, 50))} ms   p99 ${fmt(percentile(deliveries, 99))} ms   max ${fmt(Math.max(...deliveries))} ms`);
  console.log(`  last client per write:  p50 ${fmt(percentile(slowest, 50))} ms   p99 ${fmt(percentile(slowest, 99))} ms`);
  console.log(`  the annotation POST's own response (${writeTimes.length}): p50 ${fmt(percentile(writeTimes, 50))} ms   p99 ${fmt(percentile(writeTimes, 99))} ms`);
  console.log(`  baseline: bare Durable Object broadcast, POST → ${CLIENTS} sockets (bench/echo-worker), per delivery (${bare.length}): p50 ${fmt(percentile(bare, 50))} ms   p99 ${fmt(percentile(bare, 99))} ms`);
  console.log(`            its last client per write:  p50 ${fmt(percentile(bareSlowest, 50))} ms   p99 ${fmt(percentile(bareSlowest, 99))} ms`);
  console.log(`  ratio to the bare broadcast, per delivery: p50 ${fmt(percentile(deliveries, 50) / percentile(bare, 50), 2)}x   p99 ${fmt(percentile(deliveries, 99) / percentile(bare, 99), 2)}x`);
  console.log(`  floor: ping→pong auto-response of the same room (${echoes.length}): p50 ${fmt(percentile(echoes, 50))} ms   p99 ${fmt(percentile(echoes, 99))} ms`);
  console.log(`\nFan-out to ${fanoutClients.length} clients (${fanout.length} writes): last client has the event after p50 ${fmt(percentile(fanout, 50))} ms, max ${fmt(Math.max(...fanout))} ms`);
  console.log(`  ping→pong with ${fanoutClients.length} sockets open: p50 ${fmt(percentile(fanoutEchoes, 50))} ms   p99 ${fmt(percentile(fanoutEchoes, 99))} ms`);
  if (fanoutError) {
    console.log(`  fan-out stopped early: ${fanoutError.message}`);
    process.exitCode = 1;
  }
} finally {
  server.stop();
}
