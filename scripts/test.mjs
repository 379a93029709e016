// `npm test`: the workers suite (unit + integration against real local bindings), then the
// browser tests in headless Chromium. Stops at the first failing layer.
import { spawnSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const env = { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" };
const run = (cmd, args) => spawnSync(cmd, args, { cwd: root, stdio: "inherit", env }).status ?? 1;

const extra = process.argv.slice(2);
let status = run(path.join(root, "node_modules/.bin/vitest"), ["run", ...extra]);
if (status === 0 && extra.length === 0) status = run(process.execPath, ["e2e/run.mjs"]);
process.exit(status);
