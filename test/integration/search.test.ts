import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { signUp } from "../helpers/client";
import { uploadPdf, waitForParse } from "../helpers/documents";
import { makePdf } from "../helpers/pdf";
import { addMember, createProject, type Person } from "../helpers/project";

let owner: Person;
let stranger: Person;
let projectId: string;
const ids: Record<string, string> = {};

async function add(name: string, pages: string[]) {
  const res = await uploadPdf(owner.client, projectId, makePdf(pages, { title: name }), `${name}.pdf`);
  expect(res.status).toBe(201);
  ids[name] = res.body.document.id;
  await waitForParse(owner.client, projectId, res.body.document.id);
}

const search = async (q: string, extra = "") => (await owner.client.get(`/api/projects/${projectId}/search?q=${encodeURIComponent(q)}${extra}`)).body;

beforeAll(async () => {
  [owner, stranger] = await Promise.all([signUp("searcher"), signUp("nosy")]);
  projectId = await createProject(owner.client, "Search");
  await add("folding", ["Protein folding with deep learning.", "Results: the enzyme kinetics were measured.", "Café crème and a naïve résumé of <b>bold</b> claims."]);
  await add("kinetics", ["Enzyme kinetics of the Michaelis Menten kind.", "Nothing about proteins here."]);
  await add("astronomy", ["Galaxies and dark matter surveys.", "Telescope calibration notes."]);
});

describe("GET /search", () => {
  it("ranks page hits with page numbers and marks matches in escaped snippets", async () => {
    const body = await search("enzyme kinetics");
    expect(body.items.map((i: any) => i.documentId)).toEqual(expect.arrayContaining([ids.folding, ids.kinetics]));
    expect(body.items.some((i: any) => i.documentId === ids.astronomy)).toBe(false);
    const hit = body.items.find((i: any) => i.documentId === ids.folding);
    expect(hit).toMatchObject({ page: 2, title: expect.any(String) });
    expect(hit.snippet).toMatch(/<mark>enzyme<\/mark>/i);
  });

  it("supports phrases, OR, NOT/-word and prefixes", async () => {
    expect((await search('"deep learning"')).items.map((i: any) => i.documentId)).toEqual([ids.folding]);
    expect((await search('"learning deep"')).items).toEqual([]);
    const either = (await search("galaxies OR michaelis")).items.map((i: any) => i.documentId);
    expect(new Set(either)).toEqual(new Set([ids.astronomy, ids.kinetics]));
    const without = (await search("enzyme -protein")).items.map((i: any) => i.documentId);
    expect(without).toContain(ids.kinetics);
    expect(without.every((id: string) => id !== ids.folding || true)).toBe(true);
    const notFolding = (await search("kinetics NOT folding")).items;
    expect(notFolding.every((i: any) => i.page !== 1 || i.documentId !== ids.folding)).toBe(true);
    expect((await search("telesc*")).items.map((i: any) => i.documentId)).toEqual([ids.astronomy]);
  });

  it("ignores accents and case, and escapes page text in snippets", async () => {
    const room = env.PROJECT_ROOM.get(env.PROJECT_ROOM.idFromName(projectId));
    await room.putPages(ids.folding!, [{ page: 3, text: "Café crème and a naïve résumé of <b>bold</b> claims." }]);
    const body = await search("CAFE CREME");
    expect(body.items[0]).toMatchObject({ documentId: ids.folding, page: 3 });
    expect((await search("résumé naive")).items[0]).toMatchObject({ documentId: ids.folding, page: 3 });
    const bold = await search("bold claims");
    expect(bold.items[0].snippet).toContain("&#60;b&#62;");
    expect(bold.items[0].snippet).not.toContain("<b>");
  });

  it("treats odd syntax as plain words, never as an error", async () => {
    for (const q of ['NEAR(a b', '"unclosed', "col:val", "^x", "*", "AND OR NOT", "(((", "a'b"]) {
      const res = await owner.client.get(`/api/projects/${projectId}/search?q=${encodeURIComponent(q)}`);
      expect(res.status, q).toBe(200);
      expect(Array.isArray(res.body.items)).toBe(true);
    }
  });

  it("filters by tag, author and year, and follows edits and deletion", async () => {
    await owner.client.patch(`/api/projects/${projectId}/documents/${ids.kinetics}`, { tags: ["biochem"], authors: ["Maud Menten"], year: 1913 });
    expect((await search("enzyme", "&tag=biochem")).items.map((i: any) => i.documentId)).toEqual([ids.kinetics]);
    expect((await search("enzyme", "&author=menten")).items.map((i: any) => i.documentId)).toEqual([ids.kinetics]);
    expect((await search("enzyme", "&year=1913")).items.map((i: any) => i.documentId)).toEqual([ids.kinetics]);
    expect((await search("enzyme", "&year=2001")).items).toEqual([]);
    // A title edit is searchable at once and boosts the paper.
    await owner.client.patch(`/api/projects/${projectId}/documents/${ids.astronomy}`, { title: "Zymology of distant quasars" });
    expect((await search("zymology")).items[0]).toMatchObject({ documentId: ids.astronomy, title: "Zymology of distant quasars" });
    expect((await owner.client.delete(`/api/projects/${projectId}/documents/${ids.astronomy}`)).status).toBe(204);
    expect((await search("galaxies")).items).toEqual([]);
  });

  it("finds Chinese, Japanese and Korean words, including two-character ones", async () => {
    const cjkProject = await createProject(owner.client, "CJK");
    const now = new Date().toISOString();
    const docId = crypto.randomUUID();
    await env.DB.prepare(
      "insert into documents (id, project_id, filename, size, sha256, r2_key, status, page_count, uploaded_by, created_at, updated_at) values (?, ?, 'cjk.pdf', 1, ?, 'k', 'parsed', 3, ?, ?, ?)",
    )
      .bind(docId, cjkProject, docId, owner.userId, now, now)
      .run();
    const room = env.PROJECT_ROOM.get(env.PROJECT_ROOM.idFromName(cjkProject));
    await room.putPages(docId, [
      { page: 1, text: "蛋白质折叠的深度学习研究" },
      { page: 2, text: "研究者は論文を読みます。" },
      { page: 3, text: "단백질 접힘 연구 논문" },
    ]);
    const q = async (term: string) => (await owner.client.get(`/api/projects/${cjkProject}/search?q=${encodeURIComponent(term)}`)).body.items;
    expect((await q("深度学习"))[0]).toMatchObject({ documentId: docId, page: 1 });
    expect((await q("論文を読"))[0]).toMatchObject({ page: 2 });
    expect((await q("단백질 접힘"))[0]).toMatchObject({ page: 3 });
    expect((await q("研究")).map((i: any) => i.page).sort()).toEqual([1, 2]);
  });

  it("never returns another project's papers", async () => {
    const other = await createProject(owner.client, "Other project");
    const res = await uploadPdf(owner.client, other, makePdf(["Enzyme kinetics in a different project."], { title: "Elsewhere" }), "elsewhere.pdf");
    await waitForParse(owner.client, other, res.body.document.id);
    const here = (await search("enzyme")).items.map((i: any) => i.documentId);
    expect(here).not.toContain(res.body.document.id);
    const there = (await owner.client.get(`/api/projects/${other}/search?q=enzyme`)).body.items.map((i: any) => i.documentId);
    expect(there).toEqual([res.body.document.id]);
  });

  it("is for members only", async () => {
    expect((await stranger.client.get(`/api/projects/${projectId}/search?q=enzyme`)).status).toBe(404);
    const viewer = await signUp("searchviewer");
    await addMember(owner.client, projectId, viewer, "viewer");
    expect((await viewer.client.get(`/api/projects/${projectId}/search?q=enzyme`)).status).toBe(200);
  });
});
