// Browser tests: build the client, start `wrangler dev` on a fresh local database, run
// e2e/*.test.mjs with Node's test runner against it, stop the server, exit with the result.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildClient, root, startServer } from "../scripts/server.mjs";

const port = Number(process.env.E2E_PORT ?? 8790);
const url = `http://127.0.0.1:${port}`;
const persistTo = mkdtempSync(path.join(tmpdir(), "sk-e2e-state-"));
const started = Date.now();

buildClient(); // SKIP_CLIENT_BUILD=1 reuses an existing dist/client
const server = await startServer({ port, persistTo, vars: { APP_URL: url }, stdio: process.env.E2E_SERVER_LOGS ? "inherit" : "ignore" });

let status = 1;
try {
  const files = readdirSync(path.join(root, "e2e"))
    .filter((f) => f.endsWith(".test.mjs"))
    .map((f) => path.join("e2e", f));
  const result = spawnSync(process.execPath, ["--test", "--test-concurrency=1", ...files], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, E2E_BASE_URL: url },
  });
  status = result.status ?? 1;
} finally {
  server.stop();
  rmSync(persistTo, { recursive: true, force: true });
}
console.log(`e2e finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(status);
