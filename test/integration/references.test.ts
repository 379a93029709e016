// References matched across two fixture papers that cite each other: Quiet cites Loud by DOI
// (assigned to Loud after upload, so links are computed at read time) and Loud cites Quiet by
// title; Loud also cites itself, which never links.
import { beforeAll, describe, expect, it } from "vitest";
import { LOUD_DOI, LOUD_TITLE, loudPages, QUIET_TITLE, quietPages } from "../fixtures/citing-papers.mjs";
import { signUp } from "../helpers/client";
import { uploadPdf, waitForParse } from "../helpers/documents";
import { makePdf } from "../helpers/pdf";
import { addMember, createProject, type Person } from "../helpers/project";

let owner: Person;
let viewer: Person;
let stranger: Person;
let projectId: string;
let quiet: string;
let loud: string;

async function add(pages: string[], title: string, filename: string): Promise<string> {
  const res = await uploadPdf(owner.client, projectId, makePdf(pages, { title }), filename);
  expect(res.status).toBe(201);
  const doc = await waitForParse(owner.client, projectId, res.body.document.id);
  expect(doc.status).toBe("parsed");
  return doc.id;
}

const refs = async (documentId: string, who: Person = owner) => (await who.client.get(`/api/projects/${projectId}/documents/${documentId}/references`));
const graph = async (who: Person = owner) => await who.client.get(`/api/projects/${projectId}/citation-graph`);
const sortEdges = (edges: { from: string; to: string }[]) => [...edges].sort((a, b) => `${a.from}${a.to}`.localeCompare(`${b.from}${b.to}`));

beforeAll(async () => {
  [owner, viewer, stranger] = await Promise.all([signUp("citer"), signUp("reader"), signUp("outsider")]);
  projectId = await createProject(owner.client, "Lattices");
  await addMember(owner.client, projectId, viewer, "viewer");
  quiet = await add(quietPages, QUIET_TITLE, "quiet.pdf");
  loud = await add(loudPages, LOUD_TITLE, "loud.pdf");
  // Titles as printed (the test does not depend on metadata heuristics); Loud gets its DOI only now.
  expect((await owner.client.patch(`/api/projects/${projectId}/documents/${quiet}`, { title: QUIET_TITLE })).status).toBe(200);
  expect((await owner.client.patch(`/api/projects/${projectId}/documents/${loud}`, { title: LOUD_TITLE, doi: LOUD_DOI })).status).toBe(200);
});

describe("references", () => {
  it("extracts each paper's bibliography at parse time", async () => {
    const q = await refs(quiet);
    expect(q.status).toBe(200);
    expect(q.body.items.map((i: any) => i.index)).toEqual([1, 2, 3]);
    expect(q.body.items[1]).toMatchObject({ doi: LOUD_DOI, year: 2021, raw: expect.stringContaining("Lattices that shout") });
    const l = await refs(loud);
    expect(l.body.items).toHaveLength(3);
    expect(l.body.items[0]).toMatchObject({ title: QUIET_TITLE, year: 2019, doi: null });
  });

  it("links a reference to the paper its DOI names, and lists the citing paper as cited-by", async () => {
    const q = (await refs(quiet)).body;
    expect(q.items.map((i: any) => i.documentId)).toEqual([null, loud, null]);
    expect(q.citedBy).toEqual([{ documentId: loud, title: LOUD_TITLE }]);
  });

  it("links by normalised title when there is no DOI, never to the citing paper itself", async () => {
    const l = (await refs(loud, viewer)).body;
    expect(l.items.map((i: any) => i.documentId)).toEqual([quiet, null, null]); // [2] is Loud itself
    expect(l.citedBy).toEqual([{ documentId: quiet, title: QUIET_TITLE }]);
  });

  it("draws the project's citation graph for any member", async () => {
    const res = await graph(viewer);
    expect(res.status).toBe(200);
    expect(res.body.nodes).toHaveLength(2);
    expect(res.body.nodes).toEqual(
      expect.arrayContaining([
        { id: quiet, title: QUIET_TITLE, year: expect.toSatisfy((y: unknown) => y === null || typeof y === "number"), authors: expect.any(Array), citedByCount: 1 },
        expect.objectContaining({ id: loud, title: LOUD_TITLE, citedByCount: 1 }),
      ]),
    );
    expect(sortEdges(res.body.edges)).toEqual(sortEdges([{ from: quiet, to: loud }, { from: loud, to: quiet }]));
  });

  it("reflects edits at once: a changed DOI unlinks, restoring it links again", async () => {
    await owner.client.patch(`/api/projects/${projectId}/documents/${loud}`, { doi: "10.5555/something.else" });
    expect((await refs(quiet)).body.items[1].documentId).toBeNull();
    expect((await graph()).body.edges).toEqual([{ from: loud, to: quiet }]);
    await owner.client.patch(`/api/projects/${projectId}/documents/${loud}`, { doi: LOUD_DOI });
    expect((await graph()).body.edges).toHaveLength(2);
  });

  it("keeps one set of references through a reparse", async () => {
    const res = await owner.client.post(`/api/projects/${projectId}/documents/${quiet}/reparse`);
    expect(res.status).toBe(202);
    await waitForParse(owner.client, projectId, quiet);
    const q = (await refs(quiet)).body;
    expect(q.items.map((i: any) => i.documentId)).toEqual([null, loud, null]);
  });

  it("hides both routes from non-members", async () => {
    expect((await refs(quiet, stranger)).status).toBe(404);
    expect((await graph(stranger)).status).toBe(404);
    expect((await owner.client.get(`/api/projects/${projectId}/documents/not-a-paper/references`)).status).toBe(404);
  });

  it("drops a deleted paper's node, edges and links", async () => {
    expect((await owner.client.delete(`/api/projects/${projectId}/documents/${loud}`)).status).toBe(204);
    const g = (await graph()).body;
    expect(g.nodes.map((n: any) => n.id)).toEqual([quiet]);
    expect(g.nodes[0].citedByCount).toBe(0);
    expect(g.edges).toEqual([]);
    const q = (await refs(quiet)).body;
    expect(q.items.every((i: any) => i.documentId === null)).toBe(true);
    expect(q.citedBy).toEqual([]);
    expect((await refs(loud)).status).toBe(404);
  });
});
