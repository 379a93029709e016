// Duplicates beyond identical bytes: two papers of a project with the same DOI, or the same
// normalised title, are probably one paper. The newer one is flagged with a link to the older
// until a person keeps both or merges them. Checked when metadata is extracted or edited.
import { and, eq, ne, or, isNotNull, sql } from "drizzle-orm";
import type { DuplicateLink } from "../../protocol/documents";
import type { Db } from "../db/client";
import { documents } from "../db/schema";
import { log } from "../lib/log";
import { nowIso } from "../lib/time";
import { publishEvent } from "../projects/events";
import { toDocumentDto, type DocumentRow } from "./dto";
import { cleanDoi, normalizeTitle } from "./normalize";

type Candidate = Pick<DocumentRow, "id" | "title" | "doi" | "createdAt" | "duplicateOf" | "duplicateKept">;

/** Short titles ("Introduction", "Deep Learning") are shared by unrelated papers: not compared. */
export function titleKey(title: string | null): string | null {
  if (!title) return null;
  const key = normalizeTitle(title);
  return key.split(" ").length >= 4 || key.length >= 25 ? key : null;
}

const doiKey = (doi: string | null) => (doi ? (cleanDoi(doi)?.toLowerCase() ?? null) : null);

const isOlder = (a: Candidate, b: Candidate) => a.createdAt < b.createdAt || (a.createdAt === b.createdAt && a.id < b.id);

function matchReason(a: Candidate, b: Candidate): DuplicateLink["reason"] | null {
  const doi = doiKey(a.doi);
  if (doi && doi === doiKey(b.doi)) return "doi";
  const title = titleKey(a.title);
  return title && title === titleKey(b.title) ? "title" : null;
}

const sameLink = (a: DuplicateLink | null, b: DuplicateLink | null) => a?.id === b?.id && a?.reason === b?.reason && a?.title === b?.title;

async function setLink(db: Db, id: string, link: DuplicateLink | null): Promise<DocumentRow> {
  const row = await db.update(documents).set({ duplicateOf: link, updatedAt: nowIso() }).where(eq(documents.id, id)).returning().get();
  return row!;
}

/**
 * Brings the duplicate flags around `doc` up to date after its title or DOI changed: its own
 * link to an older paper, newer papers that now match it (or no longer do), and the title shown
 * in links to it. Other papers that change get a `document.updated`; `doc` itself is returned
 * with `changed` so the caller, who usually publishes it anyway, does so once.
 */
export async function reconcileDuplicates(env: Env, db: Db, doc: DocumentRow): Promise<{ row: DocumentRow; changed: boolean }> {
  const others: Candidate[] = await db
    .select({ id: documents.id, title: documents.title, doi: documents.doi, createdAt: documents.createdAt, duplicateOf: documents.duplicateOf, duplicateKept: documents.duplicateKept })
    .from(documents)
    .where(and(eq(documents.projectId, doc.projectId), ne(documents.id, doc.id), or(isNotNull(documents.doi), isNotNull(documents.title))))
    .all();

  let best: { other: Candidate; reason: DuplicateLink["reason"] } | null = null;
  for (const other of others) {
    const reason = matchReason(doc, other);
    if (isOlder(other, doc)) {
      if (!reason || doc.duplicateKept.includes(other.id)) continue;
      // A DOI match beats a title match; among equals the oldest paper is the original.
      if (!best || (reason === "doi" && best.reason === "title") || (reason === best.reason && isOlder(other, best.other))) best = { other, reason };
      continue;
    }
    // A newer paper: flag it against this one, or release it if it no longer matches.
    const linked = other.duplicateOf?.id === doc.id;
    let link: DuplicateLink | null | undefined;
    if (reason && !other.duplicateOf && !other.duplicateKept.includes(doc.id)) link = { id: doc.id, title: doc.title, reason };
    else if (linked && !reason) link = null;
    else if (linked && reason && !sameLink(other.duplicateOf, { id: doc.id, title: doc.title, reason })) link = { id: doc.id, title: doc.title, reason };
    if (link !== undefined) await publishEvent(env, doc.projectId, { type: "document.updated", document: toDocumentDto(await setLink(db, other.id, link)) });
  }

  const wanted = best ? { id: best.other.id, title: best.other.title, reason: best.reason } : null;
  if (sameLink(doc.duplicateOf, wanted)) return { row: doc, changed: false };
  return { row: await setLink(db, doc.id, wanted), changed: true };
}

/** After the first parse chunk filled the metadata: flag the paper, never failing the parse. */
export async function flagDuplicates(env: Env, db: Db, documentId: string): Promise<void> {
  try {
    const doc = await db.select().from(documents).where(eq(documents.id, documentId)).get();
    if (!doc) return;
    const { row, changed } = await reconcileDuplicates(env, db, doc);
    if (changed) await publishEvent(env, row.projectId, { type: "document.updated", document: toDocumentDto(row) });
  } catch (error) {
    log("duplicates.check_failed", { documentId, outcome: "error", message: String(error) });
  }
}

/** A paper is gone: papers flagged against it are checked again (another original may match). */
export async function releaseLinksTo(env: Env, db: Db, projectId: string, documentId: string): Promise<void> {
  const released = await db
    .update(documents)
    .set({ duplicateOf: null })
    .where(and(eq(documents.projectId, projectId), sql`json_extract(${documents.duplicateOf}, '$.id') = ${documentId}`))
    .returning()
    .all();
  for (const doc of released) {
    const { row } = await reconcileDuplicates(env, db, doc);
    await publishEvent(env, projectId, { type: "document.updated", document: toDocumentDto(row) });
  }
}
