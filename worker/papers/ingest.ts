// What happens once a file's bytes are safely in R2: deduplicate by SHA-256 within the
// project, create the document row, queue the parse and tell the project.
import { and, eq } from "drizzle-orm";
import type { ParseJob } from "../../protocol/jobs";
import type { Db } from "../db/client";
import { documents } from "../db/schema";
import { nowIso } from "../lib/time";
import { publishEvent } from "../projects/events";
import { toDocumentDto } from "./dto";

export interface StoredFile {
  projectId: string;
  documentId: string;
  key: string;
  filename: string;
  size: number;
  sha256: string;
  uploadedBy: string;
}

export async function findBySha(db: Db, projectId: string, sha256: string) {
  return db.select().from(documents).where(and(eq(documents.projectId, projectId), eq(documents.sha256, sha256))).get();
}

export async function ingestStoredFile(env: Env, db: Db, file: StoredFile) {
  const now = nowIso();
  const inserted = await db
    .insert(documents)
    .values({
      id: file.documentId,
      projectId: file.projectId,
      filename: file.filename,
      size: file.size,
      sha256: file.sha256,
      r2Key: file.key,
      status: "queued",
      uploadedBy: file.uploadedBy,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing()
    .returning()
    .get();
  if (!inserted) {
    // The same bytes are already in the project (maybe uploaded a moment ago in parallel):
    // keep one object, answer with the existing paper.
    await env.PAPERS.delete(file.key);
    const existing = await findBySha(db, file.projectId, file.sha256);
    return { document: toDocumentDto(existing!), duplicate: true as const };
  }
  await enqueueParse(env, { kind: "parse", projectId: file.projectId, documentId: file.documentId, generation: 0, startPage: 1 });
  const document = toDocumentDto(inserted);
  await publishEvent(env, file.projectId, { type: "document.created", document });
  return { document, duplicate: false as const };
}

export async function enqueueParse(env: Env, job: ParseJob): Promise<void> {
  await env.PARSE_QUEUE.send(job, { contentType: "json" });
}

/** "../x/Paper:v2.pdf" → "Paper_v2.pdf": a display name only, never part of a key. */
export function cleanFilename(raw: string | undefined | null): string {
  let name = raw ?? "";
  try {
    name = decodeURIComponent(name);
  } catch {
    // keep it as sent
  }
  name = name.split(/[\\/]/).pop() ?? "";
  name = name.replace(/[\u0000-\u001f\u007f"<>|:*?]/g, "_").trim().slice(0, 255);
  return name || "paper.pdf";
}
