// `npm test`: build the client once (wrangler's static-assets folder must exist before the
// workers pool starts), then the workers suite (unit + integration against real local
// bindings), then the browser tests in headless Chromium. Stops at the first failing layer.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { buildClient } from "./server.mjs";

const root = path.resolve(import.meta.dirname, "..");
const env = { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" };
const run = (cmd, args, extraEnv = {}) => spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: { ...env, ...extraEnv } }).status ?? 1;

const started = Date.now();
buildClient({ force: true });
const extra = process.argv.slice(2);
let status = run(path.join(root, "node_modules/.bin/vitest"), ["run", ...extra]);
if (status === 0 && extra.length === 0) status = run(process.execPath, ["e2e/run.mjs"], { SKIP_CLIENT_BUILD: "1" });
console.log(`npm test finished in ${((Date.now() - started) / 1000).toFixed(0)} s with ${status === 0 ? "success" : "failure"}`);
process.exit(status);
