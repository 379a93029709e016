import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { signUp, TestClient } from "../helpers/client";
import { uploadPdf, waitForParse } from "../helpers/documents";
import { makePaper, makePdf } from "../helpers/pdf";
import { addMember, createProject, type Person } from "../helpers/project";

let owner: Person;
let viewer: Person;

beforeAll(async () => {
  [owner, viewer] = await Promise.all([signUp("docowner"), signUp("docviewer")]);
});

async function countObjects(projectId: string) {
  return (await env.PAPERS.list({ prefix: `projects/${projectId}/` })).objects.length;
}

describe("single-request upload", () => {
  it("streams a PDF to R2 under a server-built key, queues it and parses it page by page", async () => {
    const projectId = await createProject(owner.client);
    const bytes = makePaper(3, "alpha");
    const res = await uploadPdf(owner.client, projectId, bytes, "../../etc/Alpha: a study.pdf");
    expect(res.status).toBe(201);
    const doc = res.body.document;
    expect(doc).toMatchObject({ projectId, filename: "Alpha_ a study.pdf", size: bytes.length, status: "queued", uploadedBy: owner.userId, tags: [], authors: [] });
    expect(doc.sha256).toMatch(/^[0-9a-f]{64}$/);
    const object = await env.PAPERS.head(`projects/${projectId}/${doc.id}.pdf`);
    expect(object?.size).toBe(bytes.length);

    const parsed = await waitForParse(owner.client, projectId, doc.id);
    expect(parsed).toMatchObject({ status: "parsed", pageCount: 3, progress: { pages: 3, total: 3 }, error: null });
    const page2 = await owner.client.get(`/api/projects/${projectId}/documents/${doc.id}/pages/2`);
    expect(page2.status).toBe(200);
    expect(page2.body.page).toBe(2);
    expect(page2.body.text).toContain("Page 2 of the alpha paper.");
    expect((await owner.client.get(`/api/projects/${projectId}/documents/${doc.id}/pages/4`)).status).toBe(404);
    expect((await owner.client.get(`/api/projects/${projectId}/documents/${doc.id}/pages/0`)).status).toBe(400);
  });

  it("accepts multipart/form-data with a file field", async () => {
    const projectId = await createProject(owner.client);
    const form = new FormData();
    form.append("note", "ignored");
    form.append("file", new File([makePaper(1, "form")], "Form paper.pdf", { type: "application/pdf" }));
    const response = await owner.client.fetch(`/api/projects/${projectId}/documents`, { method: "POST", body: form });
    expect(response.status).toBe(201);
    const body: any = await response.json();
    expect(body.document.filename).toBe("Form paper.pdf");
    const stored = await env.PAPERS.get(`projects/${projectId}/${body.document.id}.pdf`);
    expect(new Uint8Array(await stored!.arrayBuffer())).toEqual(makePaper(1, "form"));
  });

  it("refuses a file that is not a PDF with 415 and stores nothing", async () => {
    const projectId = await createProject(owner.client);
    const res = await uploadPdf(owner.client, projectId, new TextEncoder().encode("<html>not a pdf</html>".repeat(100)), "fake.pdf");
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe("not_pdf");
    expect(await countObjects(projectId)).toBe(0);
    const list = await owner.client.get(`/api/projects/${projectId}/documents`);
    expect(list.body.items).toEqual([]);
  });

  it("refuses a body over the single-request limit with 413 naming the resumable route", async () => {
    const projectId = await createProject(owner.client);
    const response = await owner.client.fetch(`/api/projects/${projectId}/documents`, {
      method: "POST",
      headers: { "Content-Type": "application/pdf", "Content-Length": String(200 * 1024 * 1024) },
      body: makePaper(1),
    });
    expect(response.status).toBe(413);
    const body: any = await response.json();
    expect(body.error.message).toContain("/uploads");
    expect(await countObjects(projectId)).toBe(0);
  });

  it("answers the same bytes with the existing paper and keeps one object", async () => {
    const projectId = await createProject(owner.client);
    const bytes = makePaper(1, "dup");
    const first = await uploadPdf(owner.client, projectId, bytes);
    const second = await uploadPdf(owner.client, projectId, bytes, "copy.pdf");
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ duplicate: true, document: { id: first.body.document.id } });
    expect(await countObjects(projectId)).toBe(1);
  });

  it("lets viewers read but not upload", async () => {
    const projectId = await createProject(owner.client);
    await addMember(owner.client, projectId, viewer, "viewer");
    expect((await uploadPdf(viewer.client, projectId, makePaper(1))).status).toBe(403);
    expect((await viewer.client.get(`/api/projects/${projectId}/documents`)).status).toBe(200);
    expect((await uploadPdf(new TestClient(), projectId, makePaper(1))).status).toBe(401);
  });
});

describe("documents", () => {
  it("lists newest first with filters and pagination, edits metadata and tags, deletes everything", async () => {
    const projectId = await createProject(owner.client);
    const a = (await uploadPdf(owner.client, projectId, makePaper(1, "first"), "first.pdf")).body.document;
    const b = (await uploadPdf(owner.client, projectId, makePaper(1, "second"), "second.pdf")).body.document;
    const list = await owner.client.get(`/api/projects/${projectId}/documents`);
    expect(list.body.items.map((d: any) => d.id)).toEqual([b.id, a.id]);
    const page = await owner.client.get(`/api/projects/${projectId}/documents?limit=1`);
    expect(page.body.items).toHaveLength(1);
    const rest = await owner.client.get(`/api/projects/${projectId}/documents?limit=1&cursor=${page.body.nextCursor}`);
    expect(rest.body.items[0].id).toBe(a.id);

    const patched = await owner.client.patch(`/api/projects/${projectId}/documents/${a.id}`, {
      title: "Folding <b>proteins</b>",
      authors: ["Ada Lovelace", "Alan Turing"],
      year: 2021,
      doi: "10.1234/abc.5",
      tags: ["biology", "biology", "ml"],
    });
    expect(patched.status).toBe(200);
    expect(patched.body.document).toMatchObject({ title: "Folding <b>proteins</b>", authors: ["Ada Lovelace", "Alan Turing"], year: 2021, tags: ["biology", "ml"] });
    expect((await owner.client.patch(`/api/projects/${projectId}/documents/${a.id}`, { year: "soon" })).status).toBe(400);
    expect((await owner.client.patch(`/api/projects/${projectId}/documents/${a.id}`, { doi: "not a doi" })).status).toBe(400);
    expect((await owner.client.patch(`/api/projects/${projectId}/documents/${a.id}`, { unknown: 1 })).status).toBe(400);

    expect((await owner.client.get(`/api/projects/${projectId}/documents?tag=ml`)).body.items.map((d: any) => d.id)).toEqual([a.id]);
    expect((await owner.client.get(`/api/projects/${projectId}/documents?q=turing`)).body.items.map((d: any) => d.id)).toEqual([a.id]);
    expect((await owner.client.get(`/api/projects/${projectId}/documents?status=bogus`)).status).toBe(400);

    await waitForParse(owner.client, projectId, b.id);
    expect((await owner.client.delete(`/api/projects/${projectId}/documents/${b.id}`)).status).toBe(204);
    expect(await env.PAPERS.head(`projects/${projectId}/${b.id}.pdf`)).toBeNull();
    expect((await owner.client.get(`/api/projects/${projectId}/documents/${b.id}`)).status).toBe(404);
    expect((await owner.client.get(`/api/projects/${projectId}/documents/${b.id}/pages/1`)).status).toBe(404);
  });

  it("serves the file with a strong ETag, 304, Range 206, 416 and a safe Content-Disposition", async () => {
    const projectId = await createProject(owner.client);
    const bytes = makePaper(2, "file");
    const doc = (await uploadPdf(owner.client, projectId, bytes, 'Über "quotes".pdf')).body.document;
    const full = await owner.client.fetch(`/api/projects/${projectId}/documents/${doc.id}/file`);
    expect(full.status).toBe(200);
    expect(full.headers.get("Content-Type")).toBe("application/pdf");
    expect(full.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(full.headers.get("ETag")).toBe(`"${doc.sha256}"`);
    expect(doc.filename).toBe("Über _quotes_.pdf");
    expect(full.headers.get("Content-Disposition")).toContain("filename*=UTF-8''%C3%9Cber%20_quotes_.pdf");
    expect(full.headers.get("Content-Disposition")).not.toMatch(/filename="[^"]*"[^;]*"/);
    expect(new Uint8Array(await full.arrayBuffer())).toEqual(bytes);

    const cached = await owner.client.fetch(`/api/projects/${projectId}/documents/${doc.id}/file`, { headers: { "If-None-Match": `"${doc.sha256}"` } });
    expect(cached.status).toBe(304);
    const part = await owner.client.fetch(`/api/projects/${projectId}/documents/${doc.id}/file`, { headers: { Range: "bytes=0-4" } });
    expect(part.status).toBe(206);
    expect(part.headers.get("Content-Range")).toBe(`bytes 0-4/${bytes.length}`);
    expect(await part.text()).toBe("%PDF-");
    const tail = await owner.client.fetch(`/api/projects/${projectId}/documents/${doc.id}/file`, { headers: { Range: "bytes=-6" } });
    expect(await tail.text()).toBe("%%EOF\n");
    const bad = await owner.client.fetch(`/api/projects/${projectId}/documents/${doc.id}/file`, { headers: { Range: `bytes=${bytes.length + 10}-` } });
    expect(bad.status).toBe(416);
    await bad.arrayBuffer();
    expect((await new TestClient().get(`/api/projects/${projectId}/documents/${doc.id}/file`)).status).toBe(401);

    // The second full read may come from the edge cache; a non-member still cannot read through it.
    const again = await owner.client.fetch(`/api/projects/${projectId}/documents/${doc.id}/file`);
    expect(new Uint8Array(await again.arrayBuffer())).toEqual(bytes);
    const stranger = await signUp("outsider");
    const denied = await stranger.client.fetch(`/api/projects/${projectId}/documents/${doc.id}/file`);
    expect(denied.status).toBe(404);
    expect(denied.headers.get("Content-Type")).toContain("application/json");
    await denied.arrayBuffer();
  });

  it("reparses on request and fails unreadable files with a reason while keeping the file", async () => {
    const projectId = await createProject(owner.client);
    const broken = new TextEncoder().encode("%PDF-1.4\nthis is not really a pdf at all\n%%EOF");
    const doc = (await uploadPdf(owner.client, projectId, broken, "broken.pdf")).body.document;
    const failed = await waitForParse(owner.client, projectId, doc.id);
    expect(failed.status).toBe("failed");
    expect(failed.error).toEqual({ code: expect.stringMatching(/^(malformed|no_text|parse_error)$/), message: expect.any(String) });
    expect(await env.PAPERS.head(`projects/${projectId}/${doc.id}.pdf`)).not.toBeNull();

    const good = (await uploadPdf(owner.client, projectId, makePaper(2, "again"))).body.document;
    await waitForParse(owner.client, projectId, good.id);
    const reparse = await owner.client.post(`/api/projects/${projectId}/documents/${good.id}/reparse`);
    expect(reparse.status).toBe(202);
    expect(reparse.body.document.status).toBe("queued");
    const again = await waitForParse(owner.client, projectId, good.id);
    expect(again).toMatchObject({ status: "parsed", pageCount: 2 });
  });

  it("keeps an edited field through a reparse", async () => {
    const projectId = await createProject(owner.client);
    const doc = (await uploadPdf(owner.client, projectId, makePaper(1, "edited"))).body.document;
    await waitForParse(owner.client, projectId, doc.id);
    await owner.client.patch(`/api/projects/${projectId}/documents/${doc.id}`, { title: "My own title" });
    await owner.client.post(`/api/projects/${projectId}/documents/${doc.id}/reparse`);
    expect((await waitForParse(owner.client, projectId, doc.id)).title).toBe("My own title");
  });
});

describe("resumable upload", () => {
  it("creates, accepts parts (again too), completes into a parsed document, and aborts", async () => {
    const projectId = await createProject(owner.client);
    const pdf = makePaper(2, "resumable");
    const created = await owner.client.post(`/api/projects/${projectId}/uploads`, { filename: "big paper.pdf", size: pdf.length });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ uploadId: expect.any(String), partSize: expect.any(Number), parts: 1 });
    const partUrl = `/api/projects/${projectId}/uploads/${created.body.uploadId}/parts/1`;
    const early = await owner.client.post(`/api/projects/${projectId}/uploads/${created.body.uploadId}/complete`);
    expect(early.status).toBe(409);
    for (let i = 0; i < 2; i++) {
      const put = await owner.client.fetch(partUrl, { method: "PUT", body: pdf });
      expect(put.status).toBe(200);
      expect(((await put.json()) as any).etag).toEqual(expect.any(String));
    }
    const wrongSize = await owner.client.fetch(partUrl, { method: "PUT", body: pdf.slice(0, 10) });
    expect(wrongSize.status).toBe(400);
    const outOfRange = await owner.client.fetch(`/api/projects/${projectId}/uploads/${created.body.uploadId}/parts/2`, { method: "PUT", body: pdf });
    expect(outOfRange.status).toBe(400);

    const done = await owner.client.post(`/api/projects/${projectId}/uploads/${created.body.uploadId}/complete`);
    expect(done.status).toBe(201);
    expect(done.body.document).toMatchObject({ filename: "big paper.pdf", size: pdf.length });
    expect((await waitForParse(owner.client, projectId, done.body.document.id)).status).toBe("parsed");

    const other = await owner.client.post(`/api/projects/${projectId}/uploads`, { filename: "x.pdf", size: 100 });
    expect((await owner.client.delete(`/api/projects/${projectId}/uploads/${other.body.uploadId}`)).status).toBe(204);
    expect((await owner.client.delete(`/api/projects/${projectId}/uploads/${other.body.uploadId}`)).status).toBe(404);
  });

  it("refuses a first part that is not a PDF", async () => {
    const projectId = await createProject(owner.client);
    const junk = new TextEncoder().encode("GIF89a........");
    const created = await owner.client.post(`/api/projects/${projectId}/uploads`, { filename: "x.pdf", size: junk.length });
    const put = await owner.client.fetch(`/api/projects/${projectId}/uploads/${created.body.uploadId}/parts/1`, { method: "PUT", body: junk });
    expect(put.status).toBe(415);
  });
});
