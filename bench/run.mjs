// `npm run bench [-- name…]`: runs the named benchmarks (default: all) one after another.
import { spawnSync } from "node:child_process";
import path from "node:path";

const ALL = ["parse", "metadata", "login", "uploads", "broadcast", "reader", "search"];
const wanted = process.argv.slice(2).length ? process.argv.slice(2) : ALL;
let failed = 0;
for (const name of wanted) {
  if (!ALL.includes(name)) {
    console.error(`unknown benchmark ${name}; choose from ${ALL.join(", ")}`);
    process.exit(2);
  }
  console.log(`\n=== bench: ${name} ===`);
  const result = spawnSync(process.execPath, [path.join(import.meta.dirname, `${name}.mjs`)], { stdio: "inherit" });
  if (result.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
