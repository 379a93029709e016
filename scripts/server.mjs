// Starts the whole app under `wrangler dev` with local bindings: used by `npm run dev`,
// the browser tests and the benchmarks. Migrations are applied to the same --persist-to
// folder first, so a fresh clone comes up with a ready database.
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { patchMiniflare } from "./patch-miniflare.mjs";

export const root = path.resolve(import.meta.dirname, "..");
const wrangler = path.join(root, "node_modules", ".bin", "wrangler");
const quietEnv = { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false", NO_COLOR: "1" };

export function buildClient({ force = false } = {}) {
  if (!force && existsSync(path.join(root, "dist/client/index.html")) && process.env.SKIP_CLIENT_BUILD) return;
  const result = spawnSync(path.join(root, "node_modules", ".bin", "vite"), ["build", "--logLevel", "warn"], { cwd: root, stdio: "inherit", env: quietEnv });
  if (result.status !== 0) throw new Error("client build failed");
}

export function migrate(persistTo) {
  const result = spawnSync(wrangler, ["d1", "migrations", "apply", "DB", "--local", "--persist-to", persistTo], {
    cwd: root,
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...quietEnv, CI: "true" },
  });
  if (result.status !== 0) throw new Error("applying D1 migrations failed");
}

/**
 * Runs `wrangler dev` in its own process group (killing npx alone leaves workerd running).
 * Resolves once /api/health answers.
 */
export async function startServer({ port = 8787, persistTo = path.join(root, ".wrangler/state"), vars = {}, stdio = "inherit" } = {}) {
  patchMiniflare(); // also when installed with --ignore-scripts (scripts/patch-miniflare.mjs says why)
  migrate(persistTo);
  const args = ["dev", "--port", String(port), "--ip", "127.0.0.1", "--persist-to", persistTo, "--show-interactive-dev-session=false", "--log-level", process.env.SK_LOG_LEVEL ?? "warn"];
  for (const [key, value] of Object.entries(vars)) args.push("--var", `${key}:${value}`);
  const child = spawn(wrangler, args, { cwd: root, stdio: ["ignore", stdio, stdio], env: quietEnv, detached: true });
  const url = `http://127.0.0.1:${port}`;
  const stop = () => {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      // already gone
    }
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return { url, stop, child };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  stop();
  throw new Error("wrangler dev did not answer within 60 s");
}
