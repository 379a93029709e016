// Works around a miniflare bug that stalls the *local* parse queue for good (docs/queue-stall.md).
//
// miniflare's queue broker awaits a log line sent to wrangler's Node process after every batch,
// before it clears its "flush in progress" flag. That request rides a keep-alive connection which
// Node closes after 5 s idle; when the broker reuses it at the wrong moment (typically after many
// large uploads kept the machine busy for a few seconds) the log call throws "Network connection
// lost", the flag is never cleared and no message is delivered again until wrangler restarts.
// Cloudflare's real Queues are not affected. The patch only makes those two log calls best-effort.
//
// Runs at `postinstall` and before every local server start; idempotent; with another miniflare
// version it says so and changes nothing.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

export const PATCH_MARKER = "/* scrollkeeper: best-effort queue logs */";

const REPLACEMENTS = [
  [
    "endTime = Date.now(), await this.logWithLevel(LogLevel.ERROR, String(e)), response = exceptionQueueResponse;",
    "endTime = Date.now(), await this.logWithLevel(LogLevel.ERROR, String(e)).catch(() => {}), response = exceptionQueueResponse;",
  ],
  [
    "formatQueueResponse(this.name, acked, batch.length, endTime - startTime)\n    ), this.#pendingFlush",
    "formatQueueResponse(this.name, acked, batch.length, endTime - startTime)\n    ).catch(() => {}), this.#pendingFlush",
  ],
];

export function brokerPath(root = path.resolve(import.meta.dirname, "..")) {
  try {
    const require = createRequire(path.join(root, "package.json"));
    return path.join(path.dirname(require.resolve("miniflare/package.json")), "dist/src/workers/queues/broker.worker.js");
  } catch {
    return null;
  }
}

/** Returns "patched", "already" or the reason nothing was changed. */
export function patchMiniflare(file = brokerPath()) {
  if (!file || !existsSync(file)) return "miniflare not installed";
  const source = readFileSync(file, "utf8");
  if (source.includes(PATCH_MARKER)) return "already";
  if (!REPLACEMENTS.every(([from]) => source.includes(from))) return "unknown miniflare version: queue broker left as is";
  let patched = source;
  for (const [from, to] of REPLACEMENTS) patched = patched.replace(from, to);
  writeFileSync(file, `${PATCH_MARKER}\n${patched}`);
  return "patched";
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const outcome = patchMiniflare();
  if (outcome !== "patched" && outcome !== "already") console.warn(`patch-miniflare: ${outcome}`);
}
