// The Queues consumer: parses one chunk of pages per message, page by page, within Workers
// limits. Page texts go to the project's ProjectRoom; D1 keeps status and progress. Delivery
// is at least once, so every step is idempotent and each chunk commits with a compare-and-set
// on pages_done: only the delivery that wins the commit sends the next chunk.
import { and, eq, sql } from "drizzle-orm";
import { parseJob, type ParseJob } from "../../protocol/jobs";
import { config } from "../config";
import { createDb, type Db } from "../db/client";
import { documents } from "../db/schema";
import { log } from "../lib/log";
import { nowIso } from "../lib/time";
import { flagDuplicates } from "../papers/duplicates";
import { toDocumentDto, type DocumentRow } from "../papers/dto";
import { enqueueParse } from "../papers/ingest";
import { extractMetadata, FIRST_PAGES, LAYOUT_PAGES } from "../papers/metadata";
import { syncSearchMeta } from "../papers/search-meta";
import { saveReferences } from "../papers/save-references";
import { classifyParseError, extractPages, openPdf, type OpenedPdf, type PageText } from "../papers/parse";
import { publishEvent, statusEvent } from "../projects/events";
import { projectRoom } from "../projects/room";
import { failDocument } from "./document-state";

/** Page texts are sent to the room in batches of this many pages per RPC. */
const PAGE_BATCH = 20;
/** Files larger than this are not handed to pdf.js (it needs the whole file in memory). */
const MAX_PARSE_BYTES = 64 * 1024 * 1024;

const letterCount = (pages: PageText[]) => pages.reduce((n, p) => n + (p.text.match(/[\p{L}\p{N}]/gu)?.length ?? 0), 0);

export async function handleParseBatch(batch: MessageBatch<unknown>, env: Env): Promise<void> {
  for (const message of batch.messages) {
    const job = parseJob.safeParse(message.body);
    if (!job.success) {
      log("parse.bad_message", { outcome: "dropped", id: message.id });
      message.ack();
      continue;
    }
    const started = Date.now();
    try {
      await parseChunk(env, job.data);
      message.ack();
    } catch (error) {
      // Infrastructure trouble (R2, D1, the room): try again later; the DLQ takes it after that.
      log("parse.retry", { projectId: job.data.projectId, documentId: job.data.documentId, attempts: message.attempts, outcome: "retry", message: String(error) });
      message.retry({ delaySeconds: Math.min(60, 5 * message.attempts) });
    } finally {
      log("parse.chunk", { projectId: job.data.projectId, documentId: job.data.documentId, startPage: job.data.startPage, durationMs: Date.now() - started });
    }
  }
}

async function loadCurrent(db: Db, job: ParseJob): Promise<DocumentRow | null> {
  const doc = await db.select().from(documents).where(eq(documents.id, job.documentId)).get();
  if (!doc || doc.parseGeneration !== job.generation) return null; // deleted or reparsed since
  if (doc.status === "parsed" || doc.status === "failed") return null; // finished already
  if (doc.pagesDone !== job.startPage - 1) return null; // this chunk was committed by another delivery
  return doc;
}

export async function parseChunk(env: Env, job: ParseJob): Promise<void> {
  const db = createDb(env.DB);
  const cfg = config(env);
  let doc = await loadCurrent(db, job);
  if (!doc) return;

  if (job.startPage === 1) {
    const started = await db
      .update(documents)
      .set({ status: "parsing", parseStartedAt: nowIso(), pagesDone: 0, textChars: 0, parseMs: 0, updatedAt: nowIso() })
      .where(and(eq(documents.id, doc.id), eq(documents.parseGeneration, job.generation), eq(documents.pagesDone, 0)))
      .returning()
      .get();
    if (!started) return;
    doc = started;
    await projectRoom(env, doc.projectId).deletePages(doc.id); // a reparse starts from a clean slate
    await publishEvent(env, doc.projectId, statusEvent(toDocumentDto(doc)));
  } else if (doc.parseMs > cfg.parseTimeCapMs) {
    await failDocument(env, db, doc, { code: "too_large", message: `Parsing took longer than ${Math.round(cfg.parseTimeCapMs / 1000)} s, the limit per paper.` });
    return;
  }

  if (doc.size > MAX_PARSE_BYTES) {
    await failDocument(env, db, doc, { code: "too_large", message: `Files over ${MAX_PARSE_BYTES / 1024 / 1024} MB are stored but not parsed.` });
    return;
  }
  const startedAt = performance.now();
  const object = await env.PAPERS.get(doc.r2Key);
  if (!object) {
    await failDocument(env, db, doc, { code: "parse_error", message: "The file is missing from storage." });
    return;
  }
  const bytes = new Uint8Array(await object.arrayBuffer());

  // Everything pdf.js throws is about the file, not our infrastructure: it fails the
  // document with a reason instead of being retried.
  let pdf: OpenedPdf;
  try {
    pdf = await openPdf(bytes, { maxPages: cfg.maxPages });
  } catch (error) {
    await failDocument(env, db, doc, classifyParseError(error));
    return;
  }
  try {
    await runChunk(env, db, doc, job, pdf, cfg.pagesPerChunk, { startedAt, budgetMs: cfg.parseTimeCapMs - doc.parseMs });
  } finally {
    await pdf.close().catch(() => undefined);
  }
}

interface ChunkClock {
  /** performance.now() when this delivery started working on the file. */
  startedAt: number;
  /** What is left of the per-paper time cap. */
  budgetMs: number;
}

async function runChunk(env: Env, db: Db, doc: DocumentRow, job: ParseJob, pdf: OpenedPdf, pagesPerChunk: number, clock: ChunkClock) {
  const total = pdf.numPages;
  // The first chunk always covers the pages metadata extraction reads.
  const chunk = job.startPage === 1 ? Math.max(pagesPerChunk, FIRST_PAGES) : pagesPerChunk;
  const end = Math.min(total, job.startPage + chunk - 1);
  const room = projectRoom(env, doc.projectId);
  const deadline = clock.startedAt + clock.budgetMs;
  if (job.startPage === 1) {
    await db
      .update(documents)
      .set({ pageCount: total, rawMetadata: { info: pdf.info, xmp: pdf.xmp } })
      .where(eq(documents.id, doc.id))
      .run();
  }

  let chars = 0;
  const firstPages: PageText[] = [];
  let lastTenth = Math.floor((10 * (job.startPage - 1)) / total);
  for (let from = job.startPage; from <= end; from += PAGE_BATCH) {
    const to = Math.min(end, from + PAGE_BATCH - 1);
    let pages: PageText[];
    try {
      pages = await extractPages(pdf, from, to, { deadline, layoutPages: LAYOUT_PAGES });
    } catch (error) {
      await failDocument(env, db, doc, classifyParseError(error));
      return;
    }
    chars += letterCount(pages);
    firstPages.push(...pages.filter((p) => p.page <= FIRST_PAGES));
    await room.putPages(doc.id, pages.map((p) => ({ page: p.page, text: p.text })));
    const tenth = Math.floor((10 * to) / total);
    if (tenth > lastTenth && to < total) {
      lastTenth = tenth;
      await publishEvent(env, doc.projectId, { type: "document.status", documentId: doc.id, status: "parsing", progress: { pages: to, total }, error: null });
    }
  }

  if (job.startPage === 1) {
    await saveMetadata(db, doc, { firstPages, info: pdf.info, xmp: pdf.xmp, numPages: total });
    await flagDuplicates(env, db, doc.id);
  }

  const last = end === total;
  const noText = last && doc.textChars + chars === 0;
  // Before the commit: a paper is never "parsed" without its references in place.
  if (last && !noText) await saveReferences(env, doc, total);
  const committed = await db
    .update(documents)
    .set({
      pagesDone: end,
      parseMs: sql`${documents.parseMs} + ${Math.round(performance.now() - clock.startedAt)}`,
      textChars: sql`${documents.textChars} + ${chars}`,
      updatedAt: nowIso(),
      ...(last && !noText ? { status: "parsed" as const } : {}),
    })
    .where(and(eq(documents.id, doc.id), eq(documents.parseGeneration, job.generation), eq(documents.pagesDone, job.startPage - 1)))
    .returning()
    .get();
  if (!committed) return; // another delivery committed this chunk first

  if (noText) {
    await failDocument(env, db, committed, { code: "no_text", message: "No text could be extracted: it may be a scan without a text layer." });
    return;
  }
  if (!last) {
    await enqueueParse(env, { ...job, startPage: end + 1 });
    return;
  }
  await syncSearchMeta(env, committed);
  const document = toDocumentDto(committed);
  log("parse.done", { projectId: doc.projectId, documentId: doc.id, pages: total, outcome: "parsed" });
  await publishEvent(env, doc.projectId, statusEvent(document));
  await publishEvent(env, doc.projectId, { type: "document.updated", document });
}

/** Fills the bibliographic fields from the first pages, never overwriting what a person edited. */
async function saveMetadata(db: Db, doc: DocumentRow, input: Parameters<typeof extractMetadata>[0]): Promise<void> {
  let found: ReturnType<typeof extractMetadata>;
  try {
    found = extractMetadata(input);
  } catch (error) {
    // Metadata is a bonus: a heuristic tripping over an odd paper must not fail its parse.
    log("parse.metadata_failed", { projectId: doc.projectId, documentId: doc.id, outcome: "error", message: String(error) });
    return;
  }
  const edited = new Set(doc.editedFields);
  const fields = Object.fromEntries(Object.entries(found).filter(([key]) => !edited.has(key)));
  await db.update(documents).set(fields).where(and(eq(documents.id, doc.id), eq(documents.parseGeneration, doc.parseGeneration))).run();
}

/** Messages that used up their retries: the document fails with a reason instead of hanging. */
export async function handleDeadLetters(batch: MessageBatch<unknown>, env: Env): Promise<void> {
  const db = createDb(env.DB);
  for (const message of batch.messages) {
    const job = parseJob.safeParse(message.body);
    if (job.success) {
      const doc = await db.select().from(documents).where(eq(documents.id, job.data.documentId)).get();
      if (doc && doc.parseGeneration === job.data.generation) {
        await failDocument(env, db, doc, { code: "parse_error", message: "Parsing failed after several attempts. Use Reparse to try again." });
      }
    }
    message.ack();
  }
}


