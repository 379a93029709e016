// Parse benchmark: the queue consumer's extraction code (worker/papers/parse.ts) inside workerd
// versus pdftotext (poppler) on every file of ../shared/corpus/papers, in the same run.
// Usage: node bench/parse.mjs [--write] [--repeat N]
//   --write   also replace the "## Parsing" section of docs/benchmarks.md with the results
// Timing: unpdf ms is measured inside the isolate with performance.now() (open + every page);
// pdftotext ms is the wall time of one `pdftotext -enc UTF-8 file -` process per file.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { unstable_startWorker } from "wrangler";
import { wordRecall } from "./parse-recall.mjs";

process.env.WRANGLER_SEND_METRICS ??= "false";
process.env.CLOUDFLARE_CF_FETCH_ENABLED ??= "false";

const root = path.resolve(import.meta.dirname, "..");
const corpus = path.resolve(root, "../shared/corpus");
const papersDir = path.join(corpus, "papers");
const args = process.argv.slice(2);
const write = args.includes("--write");
const repeat = Number(args[args.indexOf("--repeat") + 1]) || 1;

if (!existsSync(papersDir)) {
  console.log(`parse bench did not run: ${papersDir} is absent`);
  process.exit(0);
}
if (spawnSync("pdftotext", ["-v"]).error) {
  console.log("parse bench did not run: pdftotext is missing (apt-get install -y poppler-utils)");
  process.exit(0);
}

const manifestPages = new Map(
  readFileSync(path.join(corpus, "manifest.tsv"), "utf8")
    .split("\n")
    .slice(1)
    .map((line) => line.split("\t"))
    .filter((cols) => cols[0]?.startsWith("papers/"))
    .map((cols) => [path.basename(cols[0]), Number(cols[4])]),
);

/** pids of the workerd processes started under this process (found once: spawning ps while
 *  timing would steal CPU from workerd on a 2-core machine). */
function workerdPids() {
  const rows = execFileSync("ps", ["-eo", "pid=,ppid=,comm="], { encoding: "utf8" })
    .trim()
    .split("\n")
    .map((l) => l.trim().split(/\s+/));
  const children = new Map();
  for (const [pid, ppid] of rows) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  const mine = new Set();
  const stack = [String(process.pid)];
  while (stack.length) for (const c of children.get(stack.pop()) ?? []) if (!mine.has(c)) mine.add(c), stack.push(c);
  return rows.filter(([pid, , comm]) => mine.has(pid) && comm.startsWith("workerd")).map(([pid]) => pid);
}

/** VmRSS / VmHWM (peak) of a process in MB, read from /proc without spawning anything. */
function memMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (key) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: kb("VmRSS") / 1024, hwm: kb("VmHWM") / 1024 };
}

/** Resets the peak-RSS mark (Linux: writing 5 to clear_refs), so VmHWM covers one document. */
function resetPeak(pid) {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, "5");
    return true;
  } catch {
    return false;
  }
}

function pdftotext(file) {
  const t0 = performance.now();
  const res = spawnSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8", maxBuffer: 1 << 28 });
  const ms = performance.now() - t0;
  const pages = res.stdout.split("\f").length - 1;
  return { ms, text: res.stdout, pages, ok: res.status === 0 };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const worker = await unstable_startWorker({
  config: path.join(root, "bench/parse-worker/wrangler.toml"),
  // No watching: other work in the checkout must not restart the worker mid-measurement.
  dev: { server: { port: 0 }, inspector: false, logLevel: "error", watch: false, persist: false },
});
await worker.ready;

let pid = null;
let peakResets = false;

async function unpdf(file, mode = "engine") {
  const body = readFileSync(file);
  const before = pid ? memMb(pid).rss : 0;
  if (pid) peakResets = resetPeak(pid);
  const t0 = performance.now();
  const res = await worker.fetch(`http://bench/?mode=${mode}`, { method: "POST", body });
  const json = await res.json();
  const after = pid ? memMb(pid) : { rss: 0, hwm: 0 };
  // With a reset peak mark, hwm is this document's peak; otherwise it is the run's.
  return { ...json, wallMs: performance.now() - t0, rssBefore: before, rssPeak: after.hwm, rssGrowth: after.hwm - before };
}

const files = readdirSync(papersDir).filter((f) => f.endsWith(".pdf")).sort();
// One untimed parse first: a queue consumer's isolate is warm in steady state.
const workerdProcs = workerdPids();
pid = workerdProcs.length === 1 ? workerdProcs[0] : null;
await unpdf(path.join(papersDir, files[0]));
const rssStart = pid ? memMb(pid).rss : 0;

const rows = [];
for (const name of files) {
  const file = path.join(papersDir, name);
  let best = null;
  let bestP = null;
  let bestN = null;
  for (let i = 0; i < repeat; i++) {
    const u = await unpdf(file);
    const n = await unpdf(file, "naive");
    const p = pdftotext(file);
    if (!best || u.ms < best.ms) best = u;
    if (!bestN || n.ms < bestN.ms) bestN = n;
    if (!bestP || p.ms < bestP.ms) bestP = p;
  }
  const naiveRecall = wordRecall(bestP.text, bestN.text ?? "").recall;
  // A scan both tools find no words in (no_text here) agrees with pdftotext: recall 100%.
  const recall = best.ok ? wordRecall(bestP.text, best.text) : wordRecall(bestP.text, "");
  const row = {
    name,
    pages: best.numPages ?? 0,
    expected: manifestPages.get(name),
    popplerPages: bestP.pages,
    unpdfMs: best.ms,
    openMs: best.openMs,
    popplerMs: bestP.ms,
    naiveMs: bestN.ms,
    naiveRecall,
    recall: recall.recall,
    missing: recall.missing,
    rss: best.rssPeak,
    rssGrowth: best.rssGrowth,
    error: best.ok ? null : best.error,
  };
  rows.push(row);
  console.log(
    `${name.slice(0, 60).padEnd(60)} ${String(row.pages).padStart(4)}p ` +
      `unpdf ${row.unpdfMs.toFixed(0).padStart(6)} ms  pdftotext ${row.popplerMs.toFixed(0).padStart(5)} ms  ` +
      `x${(row.unpdfMs / row.popplerMs).toFixed(2).padStart(5)}  naive ${row.naiveMs.toFixed(0).padStart(6)} ms  recall ${(row.recall * 100).toFixed(2)}%  ` +
      `peak rss ${row.rss.toFixed(0)} MB (+${row.rssGrowth.toFixed(0)})${row.error ? `  FAILED ${row.error.code}` : ""}${row.pages !== row.expected ? `  PAGES≠${row.expected}` : ""}`,
  );
}
await worker.dispose();

const sum = (k) => rows.reduce((s, r) => s + r[k], 0);
const totalPages = sum("pages");
const totalU = sum("unpdfMs");
const totalP = sum("popplerMs");
const medU = median(rows.map((r) => r.unpdfMs));
const medP = median(rows.map((r) => r.popplerMs));
const medRatio = median(rows.map((r) => r.unpdfMs / r.popplerMs));
const totalN = sum("naiveMs");
const medN = median(rows.map((r) => r.naiveMs));
const recalls = rows.map((r) => r.recall);
const pageMismatch = rows.filter((r) => r.pages !== r.expected).map((r) => r.name);
const failed = rows.filter((r) => r.error).map((r) => `${r.name} (${r.error.code})`);
const lowRecall = rows.filter((r) => r.recall < 0.999).sort((a, b) => a.recall - b.recall);
const rssPeak = Math.max(...rows.map((r) => r.rss));
const growthMax = rows.reduce((m, r) => (r.rssGrowth > m.rssGrowth ? r : m), rows[0]);

const summary = [
  `files: ${rows.length}, pages: ${totalPages} (manifest mismatches: ${pageMismatch.length ? pageMismatch.join(", ") : "none"}; failed: ${failed.length ? failed.join(", ") : "none"})`,
  `total: unpdf ${totalU.toFixed(0)} ms, pdftotext ${totalP.toFixed(0)} ms, ratio ${(totalU / totalP).toFixed(2)}x (target <= 1.5x)`,
  `median per file: unpdf ${medU.toFixed(1)} ms, pdftotext ${medP.toFixed(1)} ms, ratio of medians ${(medU / medP).toFixed(2)}x (target <= 2.0x); median of per-file ratios ${medRatio.toFixed(2)}x`,
  `naive unpdf page by page (toolchain.md baseline, same isolate): total ${totalN.toFixed(0)} ms (${(totalN / totalP).toFixed(2)}x), median ${medN.toFixed(1)} ms (${(medN / medP).toFixed(2)}x), word recall median ${(median(rows.map((r) => r.naiveRecall)) * 100).toFixed(2)}%`,
  `throughput: unpdf ${((totalPages / totalU) * 1000).toFixed(0)} pages/s, pdftotext ${((totalPages / totalP) * 1000).toFixed(0)} pages/s`,
  `word recall vs pdftotext: min ${(Math.min(...recalls) * 100).toFixed(2)}%, median ${(median(recalls) * 100).toFixed(2)}%, files under 99.9%: ${lowRecall.length}`,
  pid
    ? `workerd RSS: ${rssStart.toFixed(0)} MB after warm-up, peak ${rssPeak.toFixed(0)} MB (whole process, VmHWM${peakResets ? " reset before each file" : ""}); largest growth over the RSS before a file: +${growthMax.rssGrowth.toFixed(0)} MB (${growthMax.name})`
    : "workerd RSS: not measured (workerd process not found)",
  `load average at the end: ${os.loadavg().map((l) => l.toFixed(2)).join(" ")} (other work on the machine slows both sides)`,
];
console.log(`\n${summary.join("\n")}`);
for (const r of lowRecall) console.log(`  recall ${(r.recall * 100).toFixed(2)}% ${r.name}: missing e.g. ${r.missing.slice(0, 8).join(" ")}`);

if (write) {
  const { writeParsingSection } = await import("./parse-report.mjs");
  writeParsingSection(path.join(root, "docs/benchmarks.md"), { rows, summary, lowRecall, repeat });
  console.log("docs/benchmarks.md updated");
}
