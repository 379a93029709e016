// Search latency (issue 5, Benchmarks): a project of 1,000 papers × 20 pages, built by repeating
// the corpus texts (pdftotext) with varied titles, indexed by the real durable-objects/search-index.ts
// inside one Durable Object (bench/search-worker). Each query runs the real search() — compileQuery
// output, documentIds = every paper, limit 50, as worker/routes/search.ts calls it — alternating with
// a bare `SELECT rowid FROM pages_fts WHERE pages_fts MATCH ? ORDER BY rank LIMIT 50` on the same
// table; both are timed inside the object with performance.now(). Target: p99 ≤ 100 ms and ≤ 3x bare.
// Usage: node bench/search.mjs [--papers 1000] [--runs 25] [--write]
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { unstable_startWorker } from "wrangler";

process.env.WRANGLER_SEND_METRICS ??= "false";
process.env.CLOUDFLARE_CF_FETCH_ENABLED ??= "false";

const root = path.resolve(import.meta.dirname, "..");
const corpus = path.resolve(root, "../shared/corpus");
const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? dflt : Number(process.argv[i + 1]);
};
const PAPERS = arg("papers", 1000);
const PAGES = 20;
const RUNS = arg("runs", 25); // per query; 8 queries → 200 timed runs per side
const WARMUP = 3;
const BATCH = 50;
const write = process.argv.includes("--write");

const QUERIES = [
  ["common word", "algorithm"],
  ["rare word", "Haghighat"],
  ["two words", "neural network"],
  ["phrase", '"time series"'],
  ["prefix", "probabil*"],
  ["OR", "bitcoin OR blockchain"],
  ["NOT", "memory -cache"],
  ["2-char term", "GC"],
];

// Corpus texts: every paper's pdftotext pages, titles and authors from labels.tsv.
const labels = new Map(
  readFileSync(path.join(corpus, "labels.tsv"), "utf8")
    .split("\n")
    .slice(1)
    .filter(Boolean)
    .map((line) => line.split("\t"))
    .map(([file, title, authors]) => [path.basename(file), { title, authors: authors ? authors.split("; ") : [] }]),
);
const sources = [];
for (const file of readdirSync(path.join(corpus, "papers")).filter((f) => f.endsWith(".pdf")).sort()) {
  let text = "";
  try {
    text = execFileSync("pdftotext", ["-enc", "UTF-8", path.join(corpus, "papers", file), "-"], { maxBuffer: 1 << 28, stdio: ["ignore", "pipe", "ignore"] }).toString();
  } catch {
    continue;
  }
  const pages = text.split("\f").map((p) => p.trim()).filter((p) => p.length > 200);
  if (!pages.length) continue;
  const label = labels.get(file) ?? { title: "", authors: [] };
  sources.push({ file, title: label.title || file.replace(/\.pdf$/, ""), authors: label.authors, pages });
}
const corpusPages = sources.reduce((n, s) => n + s.pages.length, 0);
console.log(`corpus: ${sources.length} papers with text, ${corpusPages} pages`);

function paper(i) {
  const src = sources[i % sources.length];
  const copy = Math.floor(i / sources.length) + 1;
  // Start each copy at a different page so copies are not identical page sequences.
  const pages = Array.from({ length: PAGES }, (_, p) => src.pages[(p + copy - 1) % src.pages.length]);
  return { id: `doc-${String(i).padStart(5, "0")}`, title: `${src.title} (copy ${copy})`, authors: src.authors, abstract: src.pages[0].slice(0, 1200), pages };
}

const worker = await unstable_startWorker({
  config: path.join(root, "bench/search-worker/wrangler.toml"),
  dev: { server: { port: 0 }, inspector: false, logLevel: "error", watch: false, persist: false },
});
await worker.ready;
const post = async (route, body) => {
  const res = await worker.fetch(`http://bench${route}`, { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } });
  if (!res.ok) throw new Error(`${route}: ${res.status} ${await res.text()}`);
  return res.json();
};

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const f = (ms) => ms.toFixed(ms < 10 ? 2 : 1);

let result;
try {
  let indexMs = 0;
  let storeMs = 0;
  let pages = 0;
  let load;
  const t0 = Date.now();
  for (let i = 0; i < PAPERS; i += BATCH) {
    const docs = Array.from({ length: Math.min(BATCH, PAPERS - i) }, (_, k) => paper(i + k));
    load = await post("/load", docs);
    indexMs += load.indexMs;
    storeMs += load.storeMs;
    pages += load.pages;
  }
  console.log(
    `loaded ${load.documents} papers, ${pages} pages in ${((Date.now() - t0) / 1000).toFixed(1)} s: index ${f(indexMs / pages)} ms/page (indexPages + indexMeta), pages table ${f(storeMs / pages)} ms/page, database ${(load.dbBytes / 2 ** 20).toFixed(1)} MiB`,
  );

  await post("/run", { queries: QUERIES.map(([, q]) => q), runs: WARMUP });
  const rows = await post("/run", { queries: QUERIES.map(([, q]) => q), runs: RUNS });
  const all = { ours: rows.flatMap((r) => r.ours), bare: rows.flatMap((r) => r.bare), bareHl: rows.flatMap((r) => r.bareHl) };
  const table = [
    "| query | kind | hits (ours / bare) | ours p50 | ours p99 | bare p50 | bare p99 | p50 ratio | p99 ratio | bare+highlight p50 / p99 |",
    "|---|---|---|---|---|---|---|---|---|---|",
  ];
  rows.forEach((r, i) => {
    const [o50, o99, b50, b99] = [pct(r.ours, 50), pct(r.ours, 99), pct(r.bare, 50), pct(r.bare, 99)];
    table.push(
      `| \`${r.q}\` | ${QUERIES[i][0]} | ${r.hits} / ${r.bareHits} | ${f(o50)} | ${f(o99)} | ${f(b50)} | ${f(b99)} | ${(o50 / b50).toFixed(2)}x | ${(o99 / b99).toFixed(2)}x | ${f(pct(r.bareHl, 50))} / ${f(pct(r.bareHl, 99))} |`,
    );
  });
  const [o50, o99, b50, b99] = [pct(all.ours, 50), pct(all.ours, 99), pct(all.bare, 50), pct(all.bare, 99)];
  table.push(
    `| **all ${all.ours.length} runs** | | | **${f(o50)}** | **${f(o99)}** | **${f(b50)}** | **${f(b99)}** | **${(o50 / b50).toFixed(2)}x** | **${(o99 / b99).toFixed(2)}x** | ${f(pct(all.bareHl, 50))} / ${f(pct(all.bareHl, 99))} |`,
  );
  console.log(table.join("\n"));
  const verdict = `p99 ${f(o99)} ms (target ≤ 100 ms: ${o99 <= 100 ? "met" : "missed"}), ${(o99 / b99).toFixed(2)}x bare at p99 and ${(o50 / b50).toFixed(2)}x at p50 (target ≤ 3x: ${o99 / b99 <= 3 ? "met" : "missed"})`;
  console.log(verdict);
  result = { table, verdict, indexMs: indexMs / pages, storeMs: storeMs / pages, dbBytes: load.dbBytes, pages, documents: load.documents };
} finally {
  await worker.dispose();
}

if (write) {
  const file = path.join(root, "docs/benchmarks.md");
  const section = [
    "## Search",
    "",
    `Command: \`node bench/search.mjs --write\` (\`npm run bench -- search\` prints the same without writing), ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores (shared with another test run), Node ${process.versions.node}, workerd local via wrangler \`unstable_startWorker\`.`,
    `Project: ${result.documents} papers × ${PAGES} pages = ${result.pages} pages, built by cycling the pdftotext pages of the ${sources.length} corpus papers with text (${corpusPages} pages) under titles "<title> (copy n)", all inside one Durable Object (bench/search-worker) using the real \`durable-objects/search-index.ts\`.`,
    `ours: \`search()\` with \`compileQuery(q)\`, documentIds = all ${result.documents} papers, limit 50 (as \`worker/routes/search.ts\` calls it; includes highlight/snippets and the title/abstract boost). bare: \`SELECT rowid FROM pages_fts WHERE pages_fts MATCH ? ORDER BY rank LIMIT 50\` with the same MATCH expression (a \`LIKE\` scan for the 2-char term, which has none). Both timed with \`performance.now()\` inside the object, alternating, ${WARMUP} warm-up then ${RUNS} runs per query; ms.`,
    "",
    ...result.table,
    "",
    `- ${result.verdict}`,
    `- index time: ${f(result.indexMs)} ms/page (indexPages + indexMeta); storing the page in \`pages\`: ${f(result.storeMs)} ms/page; database size ${(result.dbBytes / 2 ** 20).toFixed(1)} MiB (\`ctx.storage.sql.databaseSize\`, pages table + both indexes).`,
    "",
  ].join("\n");
  const current = readFileSync(file, "utf8"); // re-read right before writing: other sections change
  const start = current.indexOf("\n## Search\n");
  let next;
  if (start === -1) next = `${current.trimEnd()}\n\n${section}`;
  else {
    const end = current.indexOf("\n## ", start + 1);
    next = `${current.slice(0, start + 1)}${section}${end === -1 ? "" : `\n${current.slice(end + 1)}`}`;
  }
  writeFileSync(file, next);
  console.log(`wrote ${path.relative(root, file)}`);
}
