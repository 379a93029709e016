// Resolving a duplicate flag (docs/api-extensions.md): keep both papers, or merge the flagged
// (newer) paper into the older one. Mounted at /api/projects/:projectId/documents.
import { and, eq } from "drizzle-orm";
import { Hono } from "hono";
import { duplicateActionBody } from "../../protocol/documents";
import type { AppEnv } from "../context";
import { documents } from "../db/schema";
import { conflict, notFound } from "../errors";
import { nowIso } from "../lib/time";
import { requireRole } from "../middleware/project-access";
import { validate } from "../middleware/validate";
import { toDocumentDto, type DocumentRow } from "../papers/dto";
import { deleteDocument } from "../papers/remove";
import { syncSearchMeta } from "../papers/search-meta";
import { publishEvent } from "../projects/events";

type Fillable = "title" | "authors" | "year" | "doi" | "arxivId" | "abstract";
const FILLABLE: Fillable[] = ["title", "authors", "year", "doi", "arxivId", "abstract"];
const lacks = (value: unknown) => value === null || (Array.isArray(value) && value.length === 0);

/** What the older paper takes from the newer: the union of tags and the fields it lacks. */
function mergedFields(older: DocumentRow, newer: DocumentRow) {
  const filled = FILLABLE.filter((field) => lacks(older[field]) && !lacks(newer[field]));
  return {
    ...Object.fromEntries(filled.map((field) => [field, newer[field]])),
    tags: [...new Set([...older.tags, ...newer.tags])],
    // Copied values came from a person's decision: a reparse of the older paper keeps them.
    editedFields: [...new Set([...older.editedFields, ...filled])],
    updatedAt: nowIso(),
  };
}

export const duplicateRoutes = new Hono<AppEnv>().post("/:documentId/duplicate", requireRole("editor"), validate("json", duplicateActionBody), async (c) => {
  const projectId = c.req.param("projectId")!;
  const db = c.var.db;
  const byId = (id: string) => db.select().from(documents).where(and(eq(documents.id, id), eq(documents.projectId, projectId))).get();
  const newer = await byId(c.req.param("documentId"));
  if (!newer) throw notFound("paper");
  const link = newer.duplicateOf;
  if (!link) throw conflict("not_duplicate", "This paper is not flagged as a duplicate.");

  if (c.req.valid("json").action === "keep") {
    const kept = await db
      .update(documents)
      .set({ duplicateOf: null, duplicateKept: [...new Set([...newer.duplicateKept, link.id])], updatedAt: nowIso() })
      .where(eq(documents.id, newer.id))
      .returning()
      .get();
    const document = toDocumentDto(kept!);
    await publishEvent(c.env, projectId, { type: "document.updated", document });
    return c.json({ document });
  }

  const older = await byId(link.id);
  if (!older) throw conflict("duplicate_gone", "The paper this one duplicates no longer exists.");
  const merged = await db.update(documents).set(mergedFields(older, newer)).where(eq(documents.id, older.id)).returning().get();
  if (merged!.status === "parsed") await syncSearchMeta(c.env, merged!);
  const document = toDocumentDto(merged!);
  await publishEvent(c.env, projectId, { type: "document.updated", document });
  await deleteDocument(c.env, db, newer);
  return c.json({ document });
});
