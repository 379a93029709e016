// Keeps the project's search index in step with a paper's title, authors and abstract.
import { projectRoom } from "../projects/room";
import type { DocumentRow } from "./dto";

export async function syncSearchMeta(env: Env, doc: Pick<DocumentRow, "id" | "projectId" | "title" | "authors" | "abstract" | "filename">): Promise<void> {
  await projectRoom(env, doc.projectId).setDocumentMeta(doc.id, {
    title: doc.title ?? doc.filename,
    authors: doc.authors,
    abstract: doc.abstract,
  });
}
