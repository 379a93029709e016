// Reads a parsed paper's bibliography from the text of its last pages (already in the room)
// and stores the entries there. References are a bonus: nothing here may fail a parse.
import { log } from "../lib/log";
import { projectRoom } from "../projects/room";
import { extractReferences, LAST_PAGES } from "./references";

export async function saveReferences(env: Env, doc: { id: string; projectId: string }, totalPages: number): Promise<void> {
  const started = Date.now();
  try {
    const room = projectRoom(env, doc.projectId);
    const pages = await room.getPages(doc.id, Math.max(1, totalPages - LAST_PAGES + 1), totalPages);
    const entries = extractReferences(pages);
    const stored = await room.putReferences(doc.id, entries);
    log("parse.references", { projectId: doc.projectId, documentId: doc.id, count: stored, durationMs: Date.now() - started });
  } catch (error) {
    log("parse.references_failed", { projectId: doc.projectId, documentId: doc.id, outcome: "error", message: String(error) });
  }
}
