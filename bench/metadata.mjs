// Metadata and reference extraction accuracy against ../shared/corpus/labels.tsv, computed
// inside workerd (bench/metadata-worker) from the same pages the parse consumer hands over.
// Usage: node bench/metadata.mjs [--write] [--quiet]
//   --write   also replace the "## Metadata extraction" section of docs/benchmarks.md
// A field counts only for papers whose label has it ("wherever printed"); extra values where
// the label is empty are listed separately.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { unstable_startWorker } from "wrangler";

process.env.WRANGLER_SEND_METRICS ??= "false";
process.env.CLOUDFLARE_CF_FETCH_ENABLED ??= "false";

const root = path.resolve(import.meta.dirname, "..");
const corpus = path.resolve(root, "../shared/corpus");
const args = process.argv.slice(2);
if (!existsSync(path.join(corpus, "labels.tsv"))) {
  console.log(`metadata bench did not run: ${corpus}/labels.tsv is absent`);
  process.exit(0);
}

// Same key as worker/papers/normalize.ts normalizeTitle (kept in step by the unit tests' examples).
const norm = (s) =>
  (s ?? "").normalize("NFKD").replace(/\p{M}+/gu, "").toLowerCase().replace(/[\u2010-\u2015-]/g, " ")
    .replace(/[^\p{L}\p{N}\s]+/gu, "").replace(/\s+/g, " ").trim();
const surname = (name) => norm(name).split(" ").filter((t) => !/^(jr|sr|ii|iii|iv|v)$/.test(t)).at(-1) ?? "";

const [header, ...rows] = readFileSync(path.join(corpus, "labels.tsv"), "utf8").trimEnd().split("\n").map((l) => l.split("\t"));
const col = Object.fromEntries(header.map((h, i) => [h, i]));

const worker = await unstable_startWorker({
  config: path.join(root, "bench/metadata-worker/wrangler.toml"),
  dev: { server: { port: 0 }, inspector: false, logLevel: "error" },
});
await worker.ready;

const fields = { title: [0, 0], firstAuthor: [0, 0], doi: [0, 0], year: [0, 0], arxiv: [0, 0], refCount: [0, 0] };
const extras = [];
const misses = [];
let failed = 0;
let heuristicsMs = 0;
const score = (field, ok, file, got, want) => {
  fields[field][1]++;
  if (ok) fields[field][0]++;
  else misses.push(`${file}  ${field}: got ${JSON.stringify(got)} want ${JSON.stringify(want)}`);
};

try {
  for (const row of rows) {
    const file = row[col.file];
    const label = (k) => row[col[k]] ?? "";
    const res = await worker.fetch("http://bench/", { method: "POST", body: readFileSync(path.join(corpus, file)) });
    const out = await res.json();
    const name = path.basename(file);
    if (!out.ok) {
      failed++;
      misses.push(`${name}  PARSE FAILED: ${out.error?.message}`);
    }
    const m = out.metadata ?? { title: null, authors: [], year: null, doi: null, arxivId: null };
    const refs = out.references ?? [];
    heuristicsMs += out.heuristicsMs ?? 0;
    if (label("title")) score("title", norm(m.title) === norm(label("title")), name, m.title, label("title"));
    if (label("authors")) score("firstAuthor", surname(m.authors[0]) === surname(label("authors").split(";")[0]), name, m.authors[0] ?? null, label("authors").split(";")[0]);
    if (label("doi")) score("doi", (m.doi ?? "").toLowerCase() === label("doi").toLowerCase(), name, m.doi, label("doi"));
    else if (m.doi) extras.push(`${name}  doi ${m.doi}`);
    if (label("year")) score("year", m.year === Number(label("year")), name, m.year, Number(label("year")));
    else if (m.year) extras.push(`${name}  year ${m.year}`);
    if (label("arxiv")) score("arxiv", m.arxivId === label("arxiv"), name, m.arxivId, label("arxiv"));
    if (label("reference_count")) {
      const want = Number(label("reference_count"));
      score("refCount", Math.abs(refs.length - want) <= 0.1 * want, name, refs.length, want);
    }
  }
} finally {
  await worker.dispose();
}

const targets = { title: 85, firstAuthor: 80, doi: 95, year: 70 };
const pct = ([ok, n]) => (n ? (100 * ok) / n : 0);
const table = [
  "| field | correct | accuracy | target |",
  "|---|---|---|---|",
  ...Object.entries(fields).map(([k, v]) => `| ${k === "refCount" ? "reference count (±10%)" : k === "firstAuthor" ? "first author's surname" : k} | ${v[0]}/${v[1]} | ${pct(v).toFixed(1)}% | ${targets[k] ? `≥ ${targets[k]}%` : "—"} |`),
];
console.log(table.join("\n"));
if (!args.includes("--quiet")) {
  console.log(`\nMismatches (${misses.length}):\n  ${misses.join("\n  ")}`);
  console.log(`\nValues where the label is empty (${extras.length}):\n  ${extras.join("\n  ")}`);
}
console.log(`\n${rows.length} papers, ${failed} failed to parse; heuristics ${heuristicsMs.toFixed(0)} ms in total inside workerd`);
const unmet = Object.entries(targets).filter(([k, t]) => pct(fields[k]) < t);
if (unmet.length) console.log(`Targets not met: ${unmet.map(([k]) => k).join(", ")}`);

if (args.includes("--write")) {
  const docPath = path.join(root, "docs/benchmarks.md");
  const section = [
    "## Metadata extraction",
    "",
    `\`node bench/metadata.mjs\` — extractMetadata and extractReferences inside workerd (bench/metadata-worker) on the ${rows.length} papers of \`../shared/corpus/papers\`, against the hand-checked \`labels.tsv\`. Input as the parse consumer gives it: pages 1–3 as text with layout items for pages 1 and 2, and the last 30 pages as text. Each field counts only papers whose label has a value; titles compared after normalizeTitle, authors by the first author's surname (case and accents ignored), DOIs case-insensitively, reference counts within ±10% of the label. Run on ${new Date().toISOString().slice(0, 10)}.`,
    "",
    ...table,
    "",
    `Misses: ${misses.length ? misses.map((m) => `\`${m.replace(/`/g, "'")}\``).join("; ") : "none"}.`,
    "",
    `Values returned where the label is empty: ${extras.length ? extras.map((e) => `\`${e}\``).join("; ") : "none"}.`,
    "",
  ].join("\n");
  const doc = existsSync(docPath) ? readFileSync(docPath, "utf8") : "# Benchmarks\n";
  const start = doc.indexOf("## Metadata extraction");
  let next = start < 0 ? -1 : doc.indexOf("\n## ", start + 1);
  const updated = start < 0 ? `${doc.trimEnd()}\n\n${section}` : `${doc.slice(0, start)}${section}${next < 0 ? "" : doc.slice(next + 1)}`;
  writeFileSync(docPath, updated.endsWith("\n") ? updated : `${updated}\n`);
  console.log(`wrote the "## Metadata extraction" section of ${path.relative(root, docPath)}`);
}
