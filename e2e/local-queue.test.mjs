// The local parse queue under `wrangler dev`: miniflare's broker is patched so a failed log call
// cannot stall it (scripts/patch-miniflare.mjs, docs/queue-stall.md), and a burst of large
// parallel uploads all end parsed.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { makePaper } from "../scripts/make-pdf.mjs";
import { brokerPath, PATCH_MARKER, patchMiniflare } from "../scripts/patch-miniflare.mjs";
import { signUpApi } from "./helpers.mjs";

const base = process.env.E2E_BASE_URL;

test("the installed miniflare queue broker carries the patch", () => {
  const source = readFileSync(brokerPath(), "utf8");
  assert.ok(source.startsWith(PATCH_MARKER), "postinstall or startServer applied the patch");
  assert.match(source, /formatQueueResponse\([^)]*\)\s*\)\.catch\(\(\) => \{\}\), this\.#pendingFlush/);
});

test("the patch applies once to the known broker code and leaves unknown code alone", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "sk-broker-"));
  const known = path.join(dir, "known.js");
  writeFileSync(
    known,
    [
      "    } catch (e) {",
      "      endTime = Date.now(), await this.logWithLevel(LogLevel.ERROR, String(e)), response = exceptionQueueResponse;",
      "    }",
      "    if (await this.logWithLevel(",
      "      LogLevel.INFO,",
      "      formatQueueResponse(this.name, acked, batch.length, endTime - startTime)",
      "    ), this.#pendingFlush = void 0, this.#messages.length > 0 && this.#ensurePendingFlush()) {}",
    ].join("\n"),
  );
  assert.equal(patchMiniflare(known), "patched");
  const patched = readFileSync(known, "utf8");
  assert.equal(patched.match(/\.catch\(\(\) => \{\}\)/g)?.length, 2);
  assert.equal(patchMiniflare(known), "already");
  assert.equal(readFileSync(known, "utf8"), patched);

  const unknown = path.join(dir, "unknown.js");
  writeFileSync(unknown, "export default {};\n");
  assert.match(patchMiniflare(unknown), /unknown miniflare version/);
  assert.equal(readFileSync(unknown, "utf8"), "export default {};\n");
});

test("twelve 4 MB papers uploaded at once all end parsed", async () => {
  const user = await signUpApi("queue-burst");
  const created = await fetch(`${base}/api/projects`, {
    method: "POST",
    headers: { ...user.headers, "Content-Type": "application/json" },
    body: JSON.stringify({ name: "Burst" }),
  });
  assert.equal(created.status, 201);
  const projectId = (await created.json()).project.id;
  const files = Array.from({ length: 12 }, (_, i) => makePaper(6, `burst-${i}-${Date.now()}`, { paddingBytes: 4_000_000 }));
  const statuses = await Promise.all(
    files.map(async (bytes, i) => {
      const res = await fetch(`${base}/api/projects/${projectId}/documents`, {
        method: "POST",
        headers: { ...user.headers, "Content-Type": "application/pdf", "X-Filename": `burst-${i}.pdf` },
        body: bytes,
      });
      await res.arrayBuffer();
      return res.status;
    }),
  );
  assert.deepEqual(statuses, Array(12).fill(201));

  let items = [];
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    const res = await fetch(`${base}/api/projects/${projectId}/documents?limit=50`, { headers: user.headers });
    items = (await res.json()).items;
    if (items.every((d) => d.status === "parsed" || d.status === "failed")) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  assert.equal(items.length, 12);
  assert.deepEqual(
    items.map((d) => d.status),
    Array(12).fill("parsed"),
  );
  assert.ok(items.every((d) => d.pageCount === 6));
});
