// Node-side service binding that lets workerd tests read ../shared/corpus (workerd has no file
// system, and miniflare does not pass binary dataBlobs through). vitest.config.ts passes it to
// the cloudflareTest plugin: `miniflare: { serviceBindings: { CORPUS: serveCorpus } }`; tests then
// `env.CORPUS.fetch("http://corpus/papers/x.pdf")`. GET / answers 200 when the corpus is there,
// 404 otherwise, so a test can say plainly that it did not run.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { Response } from "miniflare";

export const corpusDir = path.resolve(import.meta.dirname, "../../shared/corpus");

/** @param {Request} request */
export async function serveCorpus(request) {
  const rel = decodeURIComponent(new URL(request.url).pathname).replace(/^\/+/, "");
  if (rel === "") return new Response(null, { status: existsSync(corpusDir) ? 200 : 404 });
  const file = path.resolve(corpusDir, rel);
  if (!file.startsWith(corpusDir + path.sep) || !existsSync(file)) return new Response("not found", { status: 404 });
  return new Response(readFileSync(file));
}

// Unhandled rejections that are noise, not failures, when parsing real-world PDFs in workerd:
// - workerd's DecompressionStream rejects an internal promise of its own on corrupt or
//   truncated deflate data (even with every promise handled), and pdf.js inflates font and
//   CMap streams with it; the bomb guard in worker/papers/stream-guard.ts does too;
// - pdf.js leaves one internal promise rejected with PasswordException for encrypted files
//   (the caller still receives the error and classifies it as `encrypted`).
// Pass this as vitest's `onUnhandledError`: returning false hides only these.
const NOISE = /Trailing bytes after end of compressed data|Called close\(\) on a decompression stream with incomplete data|^Decompression failed\.$/;

// - the test pool re-reports a Durable Object RPC rejection as unhandled even when the caller
//   handled it (cloudflare/workers-sdk#14736); the consumer test provokes exactly one such
//   rejection on purpose (a deleted room) to exercise retry and dead-lettering.
const HANDLED_RPC_REJECTIONS = /^This project's room was deleted\.$/;

/** @param {{ name?: string, message?: string }} error */
export function ignorePdfjsInflateNoise(error) {
  if (error?.name === "PasswordException") return false;
  if (HANDLED_RPC_REJECTIONS.test(error?.message ?? "")) return false;
  return NOISE.test(error?.message ?? "") ? false : undefined;
}
