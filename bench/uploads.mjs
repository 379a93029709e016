// Uploads under `wrangler dev`: 20 parallel 5 MB uploads (MB/s and nothing lost: R2 objects =
// document rows = parsed) from 4 researchers at 5 each (one account may have 6 uploads in flight,
// MAX_PARALLEL_UPLOADS_PER_USER), and upload → "parsed" broadcast latency of a 20-page paper over the
// project's WebSocket (p50/p95), beside the GET /api/health round trip of the same server.
import { makePaper } from "../scripts/make-pdf.mjs";
import { createProject, fmt, freshServer, percentile, signUpUser } from "./lib.mjs";

// Node 20 has no global WebSocket (flagged); the `ws` dev dependency takes the same `headers` option.
const WS = typeof WebSocket === "function" ? WebSocket : (await import("ws")).default;

const PORT = 8796;
const PARALLEL = 20;
const UPLOADERS = 4;
const SIZE = 5 * 1024 * 1024;
const LATENCY_RUNS = Number(process.env.BENCH_RUNS ?? 20);

async function upload(url, user, projectId, bytes, name) {
  const res = await fetch(`${url}/api/projects/${projectId}/documents`, {
    method: "POST",
    headers: { ...user.headers, "Content-Type": "application/pdf", "X-Filename": encodeURIComponent(name) },
    body: bytes,
  });
  if (res.status !== 201) throw new Error(`upload ${res.status}: ${await res.text()}`);
  return (await res.json()).document;
}

async function documents(url, user, projectId) {
  const res = await fetch(`${url}/api/projects/${projectId}/documents?limit=200`, { headers: user.headers });
  return (await res.json()).items;
}

const server = await freshServer(PORT);
try {
  const { url } = server;
  const user = await signUpUser(url, "upload-bench");

  // 1. Throughput: 20 distinct 5 MB papers at once, each uploader into their own project.
  const uploaders = [user];
  while (uploaders.length < UPLOADERS) uploaders.push(await signUpUser(url, `upload-bench-${uploaders.length}`));
  const projects = await Promise.all(uploaders.map((u, i) => createProject(url, u, `Throughput ${i}`)));
  const files = Array.from({ length: PARALLEL }, (_, i) => makePaper(20, `bulk-${i}-${Date.now()}`, { paddingBytes: SIZE - 4000 }));
  const totalBytes = files.reduce((n, f) => n + f.length, 0);
  const t0 = performance.now();
  await Promise.all(files.map((f, i) => upload(url, uploaders[i % UPLOADERS], projects[i % UPLOADERS], f, `bulk-${i}.pdf`)));
  const uploadSeconds = (performance.now() - t0) / 1000;
  let docs;
  const parseDeadline = Date.now() + 180_000;
  do {
    await new Promise((r) => setTimeout(r, 500));
    docs = (await Promise.all(uploaders.map((u, i) => documents(url, u, projects[i])))).flat();
  } while (docs.some((d) => d.status === "queued" || d.status === "parsing") && Date.now() < parseDeadline);
  const parsedSeconds = (performance.now() - t0) / 1000;
  const parsed = docs.filter((d) => d.status === "parsed").length;

  console.log(`\n${PARALLEL} parallel uploads of ${fmt(SIZE / 2 ** 20)} MB (20 pages each; ${UPLOADERS} users × ${PARALLEL / UPLOADERS}), wrangler dev on this machine`);
  console.log(`  uploaded ${fmt(totalBytes / 2 ** 20)} MB in ${fmt(uploadSeconds, 2)} s = ${fmt(totalBytes / 2 ** 20 / uploadSeconds)} MB/s`);
  console.log(`  all parsed after ${fmt(parsedSeconds, 2)} s; documents ${docs.length}, parsed ${parsed}, lost ${PARALLEL - docs.length}`);

  // 2. Latency: upload a 20-page paper, wait for its "parsed" status frame on the WebSocket.
  const latencyProject = await createProject(url, user, "Latency");
  const ws = new WS(`${url.replace("http", "ws")}/api/projects/${latencyProject}/live`, { headers: user.headers });
  const waiters = new Map();
  ws.addEventListener("message", (event) => {
    const frame = JSON.parse(String(event.data));
    if (process.env.BENCH_DEBUG) console.log("frame", frame.type, frame.status ?? "");
    if (frame.type === "document.status" && frame.status === "parsed") waiters.get(frame.documentId)?.();
  });
  await new Promise((resolve, reject) => {
    ws.addEventListener("open", resolve, { once: true });
    ws.addEventListener("error", reject, { once: true });
  });
  const latencies = [];
  for (let i = 0; i < LATENCY_RUNS; i++) {
    const bytes = makePaper(20, `latency-${i}-${Date.now()}`);
    const start = performance.now();
    let resolveParsed;
    const parsedFrame = new Promise((r) => (resolveParsed = r));
    const doc = await upload(url, user, latencyProject, bytes, `latency-${i}.pdf`);
    waiters.set(doc.id, resolveParsed);
    await Promise.race([parsedFrame, new Promise((_, rej) => setTimeout(() => rej(new Error("no parsed frame in 30 s")), 30_000))]);
    latencies.push(performance.now() - start);
  }
  ws.close();
  const healthTimes = [];
  for (let i = 0; i < 20; i++) {
    const s = performance.now();
    await (await fetch(`${url}/api/health`)).text();
    healthTimes.push(performance.now() - s);
  }

  console.log(`\nUpload → 'parsed' frame for a 20-page paper (${LATENCY_RUNS} runs, one at a time)`);
  console.log(`  p50 ${fmt(percentile(latencies, 50))} ms   p95 ${fmt(percentile(latencies, 95))} ms   max ${fmt(Math.max(...latencies))} ms`);
  console.log(`  baseline GET /api/health round trip: p50 ${fmt(percentile(healthTimes, 50))} ms   p95 ${fmt(percentile(healthTimes, 95))} ms`);
} finally {
  server.stop();
}
