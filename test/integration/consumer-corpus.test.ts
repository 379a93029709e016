// The whole pipeline — upload through the worker, the real queue consumer, the ProjectRoom —
// over every file of ../shared/corpus. Where the corpus is absent the test says so plainly and
// does not run (CI has it). The files are read through the CORPUS binding, never copied here.
import { beforeAll, describe, expect, it } from "vitest";
import { signUp } from "../helpers/client";
import { corpusAvailable, corpusBytes, corpusText, parseTsv } from "../helpers/corpus";
import { uploadPdf, waitForParse } from "../helpers/documents";
import { createProject, type Person } from "../helpers/project";

if (!corpusAvailable) console.log("consumer-corpus: ../shared/corpus is absent here; these tests did not run.");

const manifest = parseTsv(await corpusText("manifest.tsv"));
const notes = new Map(parseTsv(await corpusText("labels.tsv")).map((r) => [r.file!, r.notes ?? ""]));
const papers = manifest.filter((r) => r.file!.startsWith("papers/"));
const hostile = manifest.filter((r) => r.file!.startsWith("hostile/"));
const REASONS = ["encrypted", "malformed", "too_large", "no_text", "parse_error"];
/** PARSE_TIME_CAP_MS (120 s by default) plus queueing: nothing may take longer to end. */
const FINISH_WITHIN_MS = 150_000;

let owner: Person;
beforeAll(async () => {
  owner = await signUp("corpus");
});

describe.runIf(corpusAvailable)("consumer over corpus/papers", () => {
  it("parses every paper with the manifest's page count (a scan without text ends no_text)", { timeout: 900_000 }, async () => {
    const projectId = await createProject(owner.client, "Corpus papers");
    const uploaded: { file: string; id: string; pages: number }[] = [];
    for (const row of papers) {
      const res = await uploadPdf(owner.client, projectId, await corpusBytes(row.file!), row.file!.split("/").pop());
      expect(res.status, `${row.file} upload`).toBe(201);
      uploaded.push({ file: row.file!, id: res.body.document.id, pages: Number(row.pages) });
    }
    const failures: string[] = [];
    for (const { file, id, pages } of uploaded) {
      const doc = await waitForParse(owner.client, projectId, id, FINISH_WITHIN_MS);
      const scan = /no text layer/i.test(notes.get(file) ?? "");
      const expected = scan ? { status: "failed", code: "no_text" } : { status: "parsed", code: null };
      if (doc.status !== expected.status || (doc.error?.code ?? null) !== expected.code) failures.push(`${file}: ${doc.status} ${JSON.stringify(doc.error)}`);
      if (doc.pageCount !== pages) failures.push(`${file}: ${doc.pageCount} pages, manifest says ${pages}`);
    }
    expect(failures).toEqual([]);
  });
});

describe.runIf(corpusAvailable)("consumer over corpus/hostile", () => {
  it("ends every hostile file as parsed or failed with a reason, or refuses it at upload", { timeout: 900_000 }, async () => {
    const projectId = await createProject(owner.client, "Corpus hostile");
    const outcomes: Record<string, string> = {};
    const pending: { file: string; id: string }[] = [];
    for (const row of hostile) {
      const res = await uploadPdf(owner.client, projectId, await corpusBytes(row.file!), row.file!.split("/").pop());
      if (res.status === 415) outcomes[row.file!] = "refused: not_pdf";
      else if (res.status === 200 && res.body.duplicate) outcomes[row.file!] = "duplicate";
      else {
        expect(res.status, `${row.file} upload: ${JSON.stringify(res.body)}`).toBe(201);
        pending.push({ file: row.file!, id: res.body.document.id });
      }
    }
    for (const { file, id } of pending) {
      const doc = await waitForParse(owner.client, projectId, id, FINISH_WITHIN_MS);
      if (doc.status === "failed") {
        expect(REASONS, `${file} reason`).toContain(doc.error.code);
        expect(doc.error.message.length, `${file} message`).toBeGreaterThan(0);
      }
      outcomes[file] = doc.status === "failed" ? `failed: ${doc.error.code}` : `parsed (${doc.pageCount} pages)`;
    }
    console.log("hostile outcomes:\n" + Object.entries(outcomes).map(([f, o]) => `  ${o.padEnd(24)} ${f}`).join("\n"));
    expect(Object.keys(outcomes)).toHaveLength(hostile.length);
    // The consumer survived all of it: a fresh paper still parses afterwards.
    const health = await owner.client.get("/api/health");
    expect(health.status).toBe(200);
  });
});
