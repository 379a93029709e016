// Writes the "## Parsing" section of docs/benchmarks.md from a bench/parse.mjs run, leaving the
// other sections as they are.
import { existsSync, readFileSync, writeFileSync } from "node:fs";

export function writeParsingSection(file, { rows, summary, lowRecall, repeat }) {
  const lines = [
    "## Parsing",
    "",
    `Command: \`node bench/parse.mjs --write${repeat > 1 ? ` --repeat ${repeat}` : ""}\` (\`npm run bench -- parse\` prints the same without writing), ${new Date().toISOString().slice(0, 10)}, 2 cores, Node ${process.versions.node}, wrangler 4.86 / workerd local, unpdf 1.7.0 (pdf.js 5.6.205), ${repeat > 1 ? `best of ${repeat}` : "one run"} per file.`,
    "naive ms: plain unpdf page by page (`getTextContent`, str + hasEOL) in the same isolate, the baseline toolchain.md measured.",
    "unpdf ms: `worker/papers/parse.ts` (open incl. flate-bomb guard + every page + cleanup) timed inside the isolate with `performance.now()`; pdftotext ms: wall time of one `pdftotext -enc UTF-8 file -` process.",
    "",
    ...summary.map((s) => `- ${s}`),
    "",
    "| file | pages | unpdf ms | naive ms | pdftotext ms | ratio | word recall | naive recall |",
    "|---|---:|---:|---:|---:|---:|---:|---:|",
    ...rows.map(
      (r) =>
        `| ${r.name} | ${r.pages}${r.error ? ` (${r.error.code})` : ""} | ${r.unpdfMs.toFixed(0)} | ${r.naiveMs.toFixed(0)} | ${r.popplerMs.toFixed(0)} | ${(r.unpdfMs / r.popplerMs).toFixed(2)} | ${(r.recall * 100).toFixed(2)}% | ${(r.naiveRecall * 100).toFixed(2)}% |`,
    ),
    "",
    "Where the time goes (CPU profile of the same code in Node over the whole corpus): parse.ts's own work (bomb guard, text assembly, layout items, metadata) is about 0.4% of CPU; the rest is pdf.js itself: building text items, converting embedded Type1/CFF fonts to OpenType (done even when only text is wanted, with no option to skip it), garbage collection, and structuredClone of every message between pdf.js's two halves (about 5%). Options that change nothing measurable are listed in ../shared/toolchain.md. Word recall counts pdftotext's words as a multiset; the misses are mostly math, words pdftotext splits or glues differently, and fonts with broken encodings where both tools output different garbage (pdfjs__TAMReview.pdf).",
    "",
    "Memory: VmHWM (peak RSS) of the workerd process, reset before each file by writing 5 to /proc/PID/clear_refs; it includes the runtime and pdf.js's code (~48 MB idle), so it is an upper bound of what one document costs. Local workerd does not enforce the 128 MB isolate limit.",
    "",
    ...(lowRecall.length
      ? ["Words pdftotext finds that we miss (examples):", "", ...lowRecall.map((r) => `- ${r.name}: ${r.missing.slice(0, 10).join(" ")}`), ""]
      : []),
  ];
  const section = lines.join("\n");
  const old = existsSync(file) ? readFileSync(file, "utf8") : "# Benchmarks\n";
  const re = /## Parsing\n[\s\S]*?(?=\n## |$)/;
  const next = re.test(old) ? old.replace(re, section) : `${old.trimEnd()}\n\n${section}`;
  writeFileSync(file, next.endsWith("\n") ? next : `${next}\n`);
}
