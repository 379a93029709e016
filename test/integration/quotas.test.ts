// Plan limits through the API: each limit answers 402 with its code, and nothing is left in R2
// or D1; usage figures are exact after uploads and deletions. Limits are set per account (the
// operator override in billing_accounts), so this file does not depend on the suite's config.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { signUp, type TestClient } from "../helpers/client";
import { r2Keys, setLimits } from "../helpers/billing";
import { uploadPdf } from "../helpers/documents";
import { makePaper } from "../helpers/pdf";
import { addMember, createProject } from "../helpers/project";
import { PLANS } from "../../worker/billing/plans";

const count = async (sql: string, ...args: unknown[]) => (await env.DB.prepare(sql).bind(...args).first<{ n: number }>())!.n;

function expectLimit(res: { status: number; body: any }, code: string) {
  expect(res.status).toBe(402);
  expect(res.body.error.code).toBe(code);
  expect(res.body.error.message).toMatch(/\/billing/);
}

/** A body without Content-Length, so the size is only known once stored. */
function streamed(bytes: Uint8Array): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (let i = 0; i < bytes.length; i += 1000) controller.enqueue(bytes.slice(i, i + 1000));
      controller.close();
    },
  });
}

async function uploadStreamed(client: TestClient, projectId: string, bytes: Uint8Array) {
  const res = await client.fetch(`/api/projects/${projectId}/documents`, { method: "POST", headers: { "Content-Type": "application/pdf" }, body: streamed(bytes), duplex: "half" } as RequestInit);
  return { status: res.status, body: await res.json<any>() };
}

describe("plans", () => {
  it("the free plan is 1 GB, 3 projects, 5 members per project, 100 MB per file", () => {
    expect(PLANS.free.limits).toEqual({ storageBytes: 1024 ** 3, projects: 3, membersPerProject: 5, fileBytes: 100 * 1024 ** 2 });
    expect(PLANS.researcher.limits.storageBytes).toBeGreaterThan(PLANS.free.limits.storageBytes);
    expect(PLANS.lab.seats).toBe(true);
  });
});

describe("project limit", () => {
  it("counts projects the user owns, not those they joined", async () => {
    const [owner, other] = await Promise.all([signUp("plimit"), signUp("plimitother")]);
    await setLimits(owner.userId, { projects: 2 });
    const joined = await createProject(other.client);
    await addMember(other.client, joined, owner, "editor");
    await createProject(owner.client, "One");
    await createProject(owner.client, "Two");
    const res = await owner.client.post("/api/projects", { name: "Three" });
    expectLimit(res, "project_limit");
    expect(await count("select count(*) as n from projects where owner_id = ?", owner.userId)).toBe(2);
    expect((await owner.client.get("/api/billing")).body.usage.projects).toBe(2);
  });
});

describe("member limit", () => {
  it("members and open invitations together may not pass the owner's limit", async () => {
    const [owner, a] = await Promise.all([signUp("mlimit"), signUp("mlimita")]);
    await setLimits(owner.userId, { membersPerProject: 3 });
    const projectId = await createProject(owner.client);
    await addMember(owner.client, projectId, a, "editor");
    const pending = await owner.client.post(`/api/projects/${projectId}/invites`, { email: "pending@example.org", role: "viewer" });
    expect(pending.status).toBe(201);
    const over = await owner.client.post(`/api/projects/${projectId}/invites`, { email: "one-too-many@example.org", role: "viewer" });
    expectLimit(over, "member_limit");
    expect(await count("select count(*) as n from invites where project_id = ? and email = ?", projectId, "one-too-many@example.org")).toBe(0);

    const usage = (await owner.client.get("/api/billing")).body.usage.membersByProject.find((p: any) => p.projectId === projectId);
    expect(usage).toMatchObject({ members: 2, pendingInvites: 1 });

    // Revoking the open invitation frees its seat.
    expect((await owner.client.delete(`/api/projects/${projectId}/invites/${pending.body.invite.id}`)).status).toBe(204);
    expect((await owner.client.post(`/api/projects/${projectId}/invites`, { email: "one-too-many@example.org", role: "viewer" })).status).toBe(201);
  });
});

describe("upload limits", () => {
  it("refuses a single upload over the per-file limit before storing it", async () => {
    const owner = await signUp("flimit");
    const projectId = await createProject(owner.client);
    const paper = makePaper(2, "file limit");
    await setLimits(owner.userId, { fileBytes: paper.length - 1 });
    expectLimit(await uploadPdf(owner.client, projectId, paper), "file_size_limit");
    expect(await r2Keys(projectId)).toEqual([]);
    expect(await count("select count(*) as n from documents where project_id = ?", projectId)).toBe(0);
  });

  it("counts every project the owner has against the owner's storage, whoever uploads", async () => {
    const [owner, editor] = await Promise.all([signUp("slimit"), signUp("slimiteditor")]);
    const first = await createProject(owner.client, "First");
    const second = await createProject(owner.client, "Second");
    await addMember(owner.client, second, editor, "editor");
    const a = makePaper(2, "storage a");
    const b = makePaper(2, "storage b");
    await setLimits(owner.userId, { storageBytes: a.length + b.length - 1 });
    expect((await uploadPdf(owner.client, first, a)).status).toBe(201);
    expectLimit(await uploadPdf(editor.client, second, b), "storage_limit");
    expect(await r2Keys(second)).toEqual([]);
    expect(await count("select count(*) as n from documents where project_id = ?", second)).toBe(0);
  });

  it("checks the real size after storing when no length was declared, and removes the file", async () => {
    const owner = await signUp("slimitstream");
    const projectId = await createProject(owner.client);
    const paper = makePaper(3, "streamed");
    await setLimits(owner.userId, { storageBytes: paper.length - 1 });
    expectLimit(await uploadStreamed(owner.client, projectId, paper), "storage_limit");
    expect(await r2Keys(projectId)).toEqual([]);
    expect(await count("select count(*) as n from documents where project_id = ?", projectId)).toBe(0);

    await setLimits(owner.userId, { storageBytes: paper.length });
    expect((await uploadStreamed(owner.client, projectId, paper)).status).toBe(201);
  });

  it("checks the declared size when a resumable upload is created", async () => {
    const owner = await signUp("rlimit");
    const projectId = await createProject(owner.client);
    await setLimits(owner.userId, { fileBytes: 1000, storageBytes: 5000 });
    expectLimit(await owner.client.post(`/api/projects/${projectId}/uploads`, { filename: "a.pdf", size: 1001 }), "file_size_limit");
    await setLimits(owner.userId, { fileBytes: 10_000, storageBytes: 5000 });
    expectLimit(await owner.client.post(`/api/projects/${projectId}/uploads`, { filename: "a.pdf", size: 5001 }), "storage_limit");
    expect(await count("select count(*) as n from uploads where project_id = ?", projectId)).toBe(0);
  });

  it("checks the real size when a resumable upload completes, and removes what was stored", async () => {
    const owner = await signUp("rcomplete");
    const projectId = await createProject(owner.client);
    const paper = makePaper(2, "resumable");
    const created = await owner.client.post(`/api/projects/${projectId}/uploads`, { filename: "r.pdf", size: paper.length });
    expect(created.status).toBe(201);
    const part = await owner.client.fetch(`/api/projects/${projectId}/uploads/${created.body.uploadId}/parts/1`, { method: "PUT", body: paper, headers: { "Content-Length": String(paper.length) } });
    expect(part.status).toBe(200);
    // Meanwhile the owner's room shrank (another upload, a downgrade): the file no longer fits.
    await setLimits(owner.userId, { storageBytes: paper.length - 1 });
    expectLimit(await owner.client.post(`/api/projects/${projectId}/uploads/${created.body.uploadId}/complete`), "storage_limit");
    expect(await r2Keys(projectId)).toEqual([]);
    expect(await count("select count(*) as n from uploads where project_id = ?", projectId)).toBe(0);
    expect(await count("select count(*) as n from documents where project_id = ?", projectId)).toBe(0);
  });

  it("an owner over quota keeps every paper readable, but the projects take no more uploads", async () => {
    const owner = await signUp("overquota");
    const projectId = await createProject(owner.client);
    const paper = makePaper(2, "kept");
    const up = await uploadPdf(owner.client, projectId, paper);
    expect(up.status).toBe(201);
    await setLimits(owner.userId, { storageBytes: 10 });
    const file = await owner.client.fetch(`/api/projects/${projectId}/documents/${up.body.document.id}/file`);
    expect(file.status).toBe(200);
    expect((await file.arrayBuffer()).byteLength).toBe(paper.length);
    expectLimit(await uploadPdf(owner.client, projectId, makePaper(1, "more")), "storage_limit");
    expect((await owner.client.get("/api/billing")).body.usage.storageBytes).toBe(paper.length);
  });
});

describe("usage", () => {
  it("is exact after uploads and deletions", async () => {
    const owner = await signUp("usage");
    const p1 = await createProject(owner.client, "U1");
    const p2 = await createProject(owner.client, "U2");
    const a = makePaper(1, "usage a");
    const b = makePaper(4, "usage b");
    const c = makePaper(2, "usage c");
    const ids = [];
    for (const [p, bytes] of [[p1, a], [p1, b], [p2, c]] as const) {
      const res = await uploadPdf(owner.client, p, bytes);
      expect(res.status).toBe(201);
      ids.push(res.body.document.id);
    }
    let billing = (await owner.client.get("/api/billing")).body;
    expect(billing.usage.storageBytes).toBe(a.length + b.length + c.length);
    expect(billing.usage.projects).toBe(2);
    expect(billing.usage.membersByProject.map((p: any) => [p.name, p.storageBytes, p.members])).toEqual([["U1", a.length + b.length, 1], ["U2", c.length, 1]]);

    // A duplicate adds nothing.
    expect((await uploadPdf(owner.client, p1, a)).status).toBe(200);
    expect((await owner.client.delete(`/api/projects/${p1}/documents/${ids[1]}`)).status).toBe(204);
    billing = (await owner.client.get("/api/billing")).body;
    expect(billing.usage.storageBytes).toBe(a.length + c.length);
    expect((await owner.client.delete(`/api/projects/${p2}`)).status).toBe(204);
    billing = (await owner.client.get("/api/billing")).body;
    expect(billing.usage).toMatchObject({ storageBytes: a.length, projects: 1 });
    expect(billing).toMatchObject({ plan: "free", status: "none", configured: true });
  });
});
