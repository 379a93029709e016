// The queue consumer's delivery guarantees: duplicate delivery, retry then dead letter, and
// the scheduled sweep of parses that stopped moving. Messages are delivered by hand here, on
// top of the real consumer that also runs in the pool.
import { createExecutionContext, createMessageBatch, getQueueResult, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { createDb } from "../../worker/db/client";
import worker from "../../worker/index";
import { sweepStuckParses } from "../../worker/maintenance";
import { signUp } from "../helpers/client";
import { waitForParse } from "../helpers/documents";
import { makePaper } from "../helpers/pdf";
import { createProject, type Person } from "../helpers/project";

let owner: Person;
beforeAll(async () => {
  owner = await signUp("consumer");
});

/** A stored document row + R2 object with no queue message sent, so the test controls delivery. */
async function storedDocument(projectId: string, pages: number, fields: Record<string, string | number> = {}) {
  const id = crypto.randomUUID();
  const key = `projects/${projectId}/${id}.pdf`;
  const bytes = makePaper(pages, id.slice(0, 6));
  await env.PAPERS.put(key, bytes);
  const now = new Date().toISOString();
  const row = { id, project_id: projectId, filename: "p.pdf", size: bytes.length, sha256: id.replaceAll("-", ""), r2_key: key, status: "queued", uploaded_by: owner.userId, created_at: now, updated_at: now, ...fields };
  const cols = Object.keys(row);
  await env.DB.prepare(`insert into documents (${cols.join(",")}) values (${cols.map(() => "?").join(",")})`).bind(...Object.values(row)).run();
  return id;
}

function job(projectId: string, documentId: string, startPage = 1, generation = 0) {
  return { kind: "parse", projectId, documentId, generation, startPage };
}

async function deliver(queue: string, bodies: unknown[]) {
  const batch = createMessageBatch(queue, bodies.map((body, i) => ({ id: `m${i}-${crypto.randomUUID()}`, timestamp: new Date(), attempts: 1, body })));
  const ctx = createExecutionContext();
  await worker.queue(batch, env, ctx);
  return getQueueResult(batch, ctx);
}

function room(projectId: string) {
  return env.PROJECT_ROOM.get(env.PROJECT_ROOM.idFromName(projectId));
}

async function statusEvents(projectId: string, documentId: string) {
  return runInDurableObject(room(projectId), async (_instance, state) =>
    state.storage.sql
      .exec<{ payload: string }>("select payload from events where type = 'document.status' order by seq")
      .toArray()
      .map((r) => JSON.parse(r.payload))
      .filter((e) => e.documentId === documentId),
  );
}

describe("parse consumer", () => {
  it("processes the same messages twice and leaves one set of pages and one 'parsed' event", async () => {
    const projectId = await createProject(owner.client);
    const documentId = await storedDocument(projectId, 10); // 3 chunks of 4 pages in tests
    const first = job(projectId, documentId);
    let result = await deliver("scrollkeeper-parse", [first, first]);
    expect(result.explicitAcks).toHaveLength(2);
    // The chunk chain continues on the real queue; duplicates of later chunks are delivered too.
    await deliver("scrollkeeper-parse", [job(projectId, documentId, 5), job(projectId, documentId, 5)]);
    const doc = await waitForParse(owner.client, projectId, documentId);
    expect(doc).toMatchObject({ status: "parsed", pageCount: 10, progress: { pages: 10, total: 10 } });
    result = await deliver("scrollkeeper-parse", [first, job(projectId, documentId, 9)]);
    expect(result.retryMessages).toHaveLength(0);

    expect(await room(projectId).pageCount(documentId)).toBe(10);
    const events = await statusEvents(projectId, documentId);
    expect(events.filter((e) => e.status === "parsed")).toHaveLength(1);
    expect(events[0]).toMatchObject({ status: "parsing", progress: { pages: 0, total: null } });
    // At least every 10% of pages: with 10 pages, one event per page or chunk boundary.
    const progress = events.filter((e) => e.status === "parsing").map((e) => e.progress.pages);
    expect(progress.length).toBeGreaterThanOrEqual(3);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
  });

  it("drops a message from before a reparse and one that is not a parse job", async () => {
    const projectId = await createProject(owner.client);
    const documentId = await storedDocument(projectId, 1, { parse_generation: 2 });
    const result = await deliver("scrollkeeper-parse", [job(projectId, documentId, 1, 1), { hello: "world" }]);
    expect(result.explicitAcks).toHaveLength(2);
    const row = await env.DB.prepare("select status from documents where id = ?").bind(documentId).first<{ status: string }>();
    expect(row!.status).toBe("queued");
  });

  it("retries when the room is unavailable, and the dead-letter queue fails the paper with a reason", async () => {
    const projectId = await createProject(owner.client);
    const documentId = await storedDocument(projectId, 2);
    await room(projectId).destroy(); // the room now refuses writes: an infrastructure failure
    const result = await deliver("scrollkeeper-parse", [job(projectId, documentId)]);
    expect(result.retryMessages).toHaveLength(1);
    expect(result.explicitAcks).toHaveLength(0);

    const dead = await deliver("scrollkeeper-parse-dlq", [job(projectId, documentId)]);
    expect(dead.explicitAcks).toHaveLength(1);
    const row = await env.DB.prepare("select status, error_code, error_message from documents where id = ?").bind(documentId).first<any>();
    expect(row).toMatchObject({ status: "failed", error_code: "parse_error" });
    expect(row.error_message).toMatch(/Reparse/);
  });

  it("sweeps parses that stopped moving: re-sends recent ones, fails old ones", async () => {
    const projectId = await createProject(owner.client);
    const hourAgo = new Date(Date.now() - 3600_000).toISOString();
    const dayAgo = new Date(Date.now() - 86_400_000).toISOString();
    const stuck = await storedDocument(projectId, 2, { status: "parsing", updated_at: hourAgo, created_at: hourAgo, parse_started_at: hourAgo });
    const ancient = await storedDocument(projectId, 2, { status: "parsing", updated_at: dayAgo, created_at: dayAgo, parse_started_at: dayAgo });
    // Started but never committed a chunk: the sweep must let page 1 run again.
    await env.DB.prepare("update documents set status = 'queued' where id = ?").bind(stuck).run();
    const swept = await sweepStuckParses(env, createDb(env.DB));
    expect(swept.requeued).toBeGreaterThanOrEqual(1);
    expect(swept.failed).toBeGreaterThanOrEqual(1);
    expect((await waitForParse(owner.client, projectId, stuck)).status).toBe("parsed");
    const old = await waitForParse(owner.client, projectId, ancient);
    expect(old).toMatchObject({ status: "failed", error: { code: "parse_error" } });
  });
});
