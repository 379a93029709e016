// Fixtures for annotation and comment tests: a project with one member of each role and a parsed paper.
import { expect } from "vitest";
import { signUp, type TestClient } from "./client";
import { uploadPdf, waitForParse } from "./documents";
import { makePaper } from "./pdf";
import { addMember, createProject, type Person } from "./project";

export interface Group {
  owner: Person;
  editor: Person;
  viewer: Person;
  stranger: Person;
  projectId: string;
  documentId: string;
}

export async function readingGroup(pages = 3): Promise<Group> {
  const [owner, editor, viewer, stranger] = await Promise.all(["owner", "editor", "viewer", "stranger"].map((l) => signUp(l)));
  const projectId = await createProject(owner!.client);
  await addMember(owner!.client, projectId, editor!, "editor");
  await addMember(owner!.client, projectId, viewer!, "viewer");
  const documentId = await addPaper(owner!.client, projectId, pages);
  return { owner: owner!, editor: editor!, viewer: viewer!, stranger: stranger!, projectId, documentId };
}

export async function addPaper(client: TestClient, projectId: string, pages = 3, label = crypto.randomUUID()): Promise<string> {
  const upload = await uploadPdf(client, projectId, makePaper(pages, label));
  expect(upload.status).toBe(201);
  const doc = await waitForParse(client, projectId, upload.body.document.id);
  expect(doc.pageCount).toBe(pages);
  return doc.id;
}

export function highlight(overrides: Record<string, unknown> = {}) {
  return { page: 1, quote: "the quoted words", prefix: "before ", suffix: " after", rects: [{ x: 0.1, y: 0.2, w: 0.5, h: 0.02 }], color: "yellow", note: "a note", ...overrides };
}

export const annotationsPath = (g: Pick<Group, "projectId" | "documentId">) => `/api/projects/${g.projectId}/documents/${g.documentId}/annotations`;
export const commentsPath = (g: Pick<Group, "projectId" | "documentId">) => `/api/projects/${g.projectId}/documents/${g.documentId}/comments`;
