// Duplicates beyond identical bytes: same DOI or same long normalised title flags the newer
// paper with a link to the older; keep clears the flag for good; merge folds the newer into the
// older. Checked on PATCH and after the parse consumer extracts metadata.
import { beforeAll, describe, expect, it } from "vitest";
import { addPaper } from "../helpers/annotations";
import { signUp } from "../helpers/client";
import { uploadPdf, waitForParse } from "../helpers/documents";
import { connectLive } from "../helpers/live";
import { makePdf } from "../helpers/pdf";
import { addMember, createProject, type Person } from "../helpers/project";

let owner: Person;
let viewer: Person;

beforeAll(async () => {
  [owner, viewer] = await Promise.all([signUp("dupowner"), signUp("dupviewer")]);
});

const docPath = (projectId: string, id: string) => `/api/projects/${projectId}/documents/${id}`;
const resolve = (person: Person, projectId: string, id: string, action: string) => person.client.post(`${docPath(projectId, id)}/duplicate`, { action });

async function pair(projectId: string, older: Record<string, unknown>, newer: Record<string, unknown>) {
  const a = await addPaper(owner.client, projectId, 1);
  const b = await addPaper(owner.client, projectId, 1);
  const first = await owner.client.patch(docPath(projectId, a), older);
  expect(first.status).toBe(200);
  const second = await owner.client.patch(docPath(projectId, b), newer);
  expect(second.status).toBe(200);
  return { a, b, newer: second.body.document };
}

describe("flagging", () => {
  it("flags the newer paper with the same DOI, linking the older one", async () => {
    const projectId = await createProject(owner.client);
    const { a, b, newer } = await pair(projectId, { title: "Original", doi: "10.1234/ABC.5" }, { title: "Copy", doi: "10.1234/abc.5" });
    expect(newer.duplicateOf).toEqual({ id: a, title: "Original", reason: "doi" });
    expect((await owner.client.get(docPath(projectId, b))).body.document.duplicateOf).toEqual({ id: a, title: "Original", reason: "doi" });
    expect((await owner.client.get(docPath(projectId, a))).body.document.duplicateOf).toBeNull();

    // Renaming the original updates the link; changing the copy's DOI releases it.
    await owner.client.patch(docPath(projectId, a), { title: "Original, renamed" });
    expect((await owner.client.get(docPath(projectId, b))).body.document.duplicateOf).toMatchObject({ id: a, title: "Original, renamed" });
    const released = await owner.client.patch(docPath(projectId, b), { doi: "10.1234/other" });
    expect(released.body.document.duplicateOf).toBeNull();
  });

  it("flags the same long title, however it is cased or punctuated", async () => {
    const projectId = await createProject(owner.client);
    const { a, newer } = await pair(projectId, { title: "Attention Is All You Need" }, { title: "attention is all you need." });
    expect(newer.duplicateOf).toEqual({ id: a, title: "Attention Is All You Need", reason: "title" });
  });

  it("does not flag a short title", async () => {
    const projectId = await createProject(owner.client);
    const { newer } = await pair(projectId, { title: "Deep Learning" }, { title: "Deep learning" });
    expect(newer.duplicateOf).toBeNull();
  });

  it("flags the newer paper when the older one is edited to match it", async () => {
    const projectId = await createProject(owner.client);
    const { a, b } = await pair(projectId, { title: "Something else entirely" }, { title: "Graph Neural Networks for Molecules" });
    const edited = await owner.client.patch(docPath(projectId, a), { title: "Graph neural networks for molecules" });
    expect(edited.body.document.duplicateOf).toBeNull();
    expect((await owner.client.get(docPath(projectId, b))).body.document.duplicateOf).toMatchObject({ id: a, reason: "title" });
  });

  it("flags a paper whose extracted title matches, after the first parse chunk", async () => {
    const projectId = await createProject(owner.client);
    const title = "Protein Structure Prediction With Language Models";
    const upload = async (body: string) => {
      const res = await uploadPdf(owner.client, projectId, makePdf([title, body], { title }));
      expect(res.status).toBe(201);
      return waitForParse(owner.client, projectId, res.body.document.id);
    };
    const first = await upload("Version one of the text.");
    const second = await upload("Version two, with other bytes.");
    expect(first.title).toBe(title);
    expect(second.title).toBe(title);
    expect(second.duplicateOf).toEqual({ id: first.id, title, reason: "title" });
    expect(first.duplicateOf).toBeNull();
  });

  it("unflags papers whose original is deleted", async () => {
    const projectId = await createProject(owner.client);
    const { a, b } = await pair(projectId, { doi: "10.1234/gone" }, { doi: "10.1234/gone" });
    expect((await owner.client.delete(docPath(projectId, a))).status).toBe(204);
    expect((await owner.client.get(docPath(projectId, b))).body.document.duplicateOf).toBeNull();
  });
});

describe("resolving", () => {
  it("keep clears the flag and it stays cleared", async () => {
    const projectId = await createProject(owner.client);
    const { a, b } = await pair(projectId, { doi: "10.1234/keep" }, { doi: "10.1234/keep" });
    const kept = await resolve(owner, projectId, b, "keep");
    expect(kept.status).toBe(200);
    expect(kept.body.document.duplicateOf).toBeNull();
    // Edited again, or its original edited: never flagged against that paper again.
    expect((await owner.client.patch(docPath(projectId, b), { doi: "10.1234/keep", title: "Kept copy" })).body.document.duplicateOf).toBeNull();
    await owner.client.patch(docPath(projectId, a), { title: "Kept copy" });
    expect((await owner.client.get(docPath(projectId, b))).body.document.duplicateOf).toBeNull();
    expect((await resolve(owner, projectId, b, "keep")).status).toBe(409);
  });

  it("merge keeps the older paper with both papers' tags and the fields it lacked, and deletes the newer", async () => {
    const projectId = await createProject(owner.client);
    await addMember(owner.client, projectId, viewer, "viewer");
    const { a, b } = await pair(
      projectId,
      { title: "The Older Paper With Its Title", authors: ["Ada Lovelace"], year: null, abstract: null, tags: ["old", "shared"] },
      { title: "The older paper with its title", authors: ["Someone Else"], year: 1843, abstract: "Notes.", tags: ["shared", "new"] },
    );
    const live = await connectLive(viewer.client, projectId);

    expect((await resolve(viewer, projectId, b, "merge")).status).toBe(403);
    expect((await resolve(owner, projectId, a, "merge")).status).toBe(409);
    expect((await owner.client.post(`${docPath(projectId, b)}/duplicate`, { action: "delete" })).status).toBe(400);

    const merged = await resolve(owner, projectId, b, "merge");
    expect(merged.status).toBe(200);
    expect(merged.body.document).toMatchObject({
      id: a,
      title: "The Older Paper With Its Title",
      authors: ["Ada Lovelace"],
      year: 1843,
      abstract: "Notes.",
      tags: ["old", "shared", "new"],
      duplicateOf: null,
    });
    expect((await owner.client.get(docPath(projectId, b))).status).toBe(404);
    const list = await owner.client.get(`/api/projects/${projectId}/documents`);
    expect(list.body.items.map((d: { id: string }) => d.id)).toEqual([a]);

    const events = await live.socket.eventsUntilPong();
    const updated = events.find((e) => e.type === "document.updated" && e.document.id === a);
    const deleted = events.find((e) => e.type === "document.deleted" && e.document.id === b);
    expect(updated && "document" in updated && updated.document.tags).toEqual(["old", "shared", "new"]);
    expect(deleted).toBeTruthy();
    expect(events.indexOf(updated!)).toBeLessThan(events.indexOf(deleted!));
  });

  it("publishes document.updated with the link when a paper is flagged", async () => {
    const projectId = await createProject(owner.client);
    const a = await addPaper(owner.client, projectId, 1);
    const b = await addPaper(owner.client, projectId, 1);
    await owner.client.patch(docPath(projectId, a), { doi: "10.1234/event" });
    const live = await connectLive(owner.client, projectId);
    await owner.client.patch(docPath(projectId, b), { doi: "10.1234/event" });
    const events = await live.socket.eventsUntilPong();
    const flagged = events.find((e) => e.type === "document.updated" && e.document.id === b);
    expect(flagged && "document" in flagged && flagged.document.duplicateOf).toMatchObject({ id: a, reason: "doi" });
  });
});
