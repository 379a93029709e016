// Login latency under `wrangler dev` with autocannon: p50/p99 of POST /api/auth/login
// (PBKDF2-SHA256 at 100,000 iterations dominates), beside GET /api/health as the baseline of
// the same server in the same run.
import autocannon from "autocannon";
import { fmt, freshServer, signUpUser } from "./lib.mjs";

const PORT = 8795;
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);

function run(opts) {
  return new Promise((resolve, reject) => autocannon({ duration: DURATION, connections: 4, ...opts }, (err, result) => (err ? reject(err) : resolve(result))));
}

const server = await freshServer(PORT);
try {
  const user = await signUpUser(server.url, "login-bench");
  const health = await run({ url: `${server.url}/api/health` });
  // The login-per-IP limit (60/min) would turn most of these into 429s; each request gets
  // its own CF-Connecting-IP so the figure is the cost of a real login, not of a refusal.
  let n = 0;
  const login = await run({
    url: `${server.url}/api/auth/login`,
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: server.url },
    body: JSON.stringify({ email: user.email, password: user.password }),
    setupClient: (client) => {
      client.on("response", () => {
        n++;
        client.setHeaders({ "Content-Type": "application/json", Origin: server.url, "CF-Connecting-IP": `10.9.${(n >> 8) & 255}.${n & 255}` });
      });
    },
  });
  const rows = [
    ["route", "req/s", "p50 ms", "p99 ms", "non-2xx"],
    ["GET /api/health (baseline)", fmt(health.requests.average), fmt(health.latency.p50), fmt(health.latency.p99), String(health.non2xx)],
    ["POST /api/auth/login", fmt(login.requests.average), fmt(login.latency.p50), fmt(login.latency.p99), String(login.non2xx)],
  ];
  console.log(`\nLogin latency (${DURATION} s each, 4 connections, wrangler dev on this machine)`);
  for (const r of rows) console.log(r.map((c, i) => (i === 0 ? c.padEnd(30) : c.padStart(9))).join(" "));
} finally {
  server.stop();
}
