// Node-side service binding that lets workerd tests read ../shared/corpus (workerd has no file
// system, and miniflare does not pass binary dataBlobs through). Add to the cloudflareTest
// plugin's options: `miniflare: { serviceBindings: { CORPUS: serveCorpus } }`; tests then
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
