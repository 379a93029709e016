import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { linkFromOutbox, outbox, signUp, TestClient } from "../helpers/client";
import { addMember, createProject, type Person } from "../helpers/project";

let owner: Person;
let editor: Person;
let viewer: Person;
let stranger: Person;

beforeAll(async () => {
  [owner, editor, viewer, stranger] = await Promise.all([signUp("owner"), signUp("editor"), signUp("viewer"), signUp("stranger")]);
});

describe("projects", () => {
  it("creates a project with the creator as owner and lists it with the role", async () => {
    const res = await owner.client.post("/api/projects", { name: "  Protein folding  " });
    expect(res.status).toBe(201);
    expect(res.body.project).toMatchObject({ name: "Protein folding", role: "owner", ownerId: owner.userId });
    const list = await owner.client.get("/api/projects");
    expect(list.body.items.find((p: any) => p.id === res.body.project.id)).toMatchObject({ role: "owner" });
    expect(list.body.nextCursor).toBeNull();
  });

  it("paginates the list with limit and cursor without repeats", async () => {
    const person = await signUp("pager");
    for (let i = 0; i < 5; i++) await createProject(person.client, `P${i}`);
    const first = await person.client.get("/api/projects?limit=2");
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const seen = [...first.body.items];
    let cursor = first.body.nextCursor;
    while (cursor) {
      const page = await person.client.get(`/api/projects?limit=2&cursor=${encodeURIComponent(cursor)}`);
      seen.push(...page.body.items);
      cursor = page.body.nextCursor;
    }
    expect(new Set(seen.map((p) => p.id)).size).toBe(5);
    expect((await person.client.get("/api/projects?limit=500")).status).toBe(400);
    expect((await person.client.get("/api/projects?cursor=garbage!")).status).toBe(400);
  });

  it("renames (editor) and refuses an empty name", async () => {
    const projectId = await createProject(owner.client);
    await addMember(owner.client, projectId, editor, "editor");
    const res = await editor.client.patch(`/api/projects/${projectId}`, { name: "Renamed" });
    expect(res.status).toBe(200);
    expect(res.body.project).toMatchObject({ name: "Renamed", role: "editor" });
    expect((await editor.client.patch(`/api/projects/${projectId}`, { name: "   " })).status).toBe(400);
  });

  it("hides projects from non-members with 404 and unknown ids likewise", async () => {
    const projectId = await createProject(owner.client);
    expect((await stranger.client.get(`/api/projects/${projectId}`)).status).toBe(404);
    expect((await owner.client.get(`/api/projects/does-not-exist`)).status).toBe(404);
    expect((await new TestClient().get(`/api/projects/${projectId}`)).status).toBe(401);
  });

  it("deletes a project with its files and room storage (owner only)", async () => {
    const projectId = await createProject(owner.client);
    await env.PAPERS.put(`projects/${projectId}/doc.pdf`, "%PDF-1.4 test");
    expect((await owner.client.delete(`/api/projects/${projectId}`)).status).toBe(204);
    expect(await env.PAPERS.head(`projects/${projectId}/doc.pdf`)).toBeNull();
    expect((await owner.client.get(`/api/projects/${projectId}`)).status).toBe(404);
    const members = await env.DB.prepare("select count(*) as n from members where project_id = ?").bind(projectId).first<{ n: number }>();
    expect(members!.n).toBe(0);
  });
});

describe("members and invites", () => {
  it("invites by email; the link lets the invited person join with the role and verifies their email", async () => {
    const projectId = await createProject(owner.client, "Invite flow");
    const invite = await owner.client.post(`/api/projects/${projectId}/invites`, { email: viewer.email.toUpperCase(), role: "viewer" });
    expect(invite.status).toBe(201);
    expect(invite.body.invite).toMatchObject({ email: viewer.email, role: "viewer" });
    const mail = (await outbox()).find((m) => m.to === viewer.email && m.subject.includes("Invite flow"))!;
    expect(mail.text).toContain("http://localhost:8787/invites/");
    const token = decodeURIComponent(new URL(await linkFromOutbox(viewer.email, "/invites/")).pathname.split("/").pop()!);

    const preview = await new TestClient().get(`/api/invites/${token}`);
    expect(preview.body.invite).toMatchObject({ email: viewer.email, role: "viewer", projectName: "Invite flow", expired: false });

    expect((await stranger.client.post(`/api/invites/${token}/accept`)).status).toBe(403);
    expect((await new TestClient().post(`/api/invites/${token}/accept`)).status).toBe(401);
    const accepted = await viewer.client.post(`/api/invites/${token}/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.body.project).toMatchObject({ id: projectId, role: "viewer" });
    expect((await viewer.client.get("/api/me")).body.user.emailVerified).toBe(true);

    const list = await viewer.client.get(`/api/projects/${projectId}/members`);
    expect(list.body.items).toEqual(
      expect.arrayContaining([
        { userId: owner.userId, name: owner.name, email: owner.email, role: "owner" },
        { userId: viewer.userId, name: viewer.name, email: viewer.email, role: "viewer" },
      ]),
    );
    expect((await owner.client.post(`/api/projects/${projectId}/invites`, { email: viewer.email, role: "editor" })).status).toBe(409);
  });

  it("refuses expired invites with 410", async () => {
    const projectId = await createProject(owner.client);
    const person = await signUp("late");
    await owner.client.post(`/api/projects/${projectId}/invites`, { email: person.email, role: "editor" });
    await env.DB.prepare("update invites set expires_at = '2000-01-01T00:00:00.000Z' where project_id = ?").bind(projectId).run();
    const token = decodeURIComponent(new URL(await linkFromOutbox(person.email, "/invites/")).pathname.split("/").pop()!);
    const res = await person.client.post(`/api/invites/${token}/accept`);
    expect(res.status).toBe(410);
    expect(res.body.error.code).toBe("invite_expired");
    expect((await new TestClient().get("/api/invites/unknown-token-value")).status).toBe(404);
  });

  it("lets the owner change roles, but never demote or remove the last owner", async () => {
    const projectId = await createProject(owner.client);
    await addMember(owner.client, projectId, editor, "editor");
    const demote = await owner.client.patch(`/api/projects/${projectId}/members/${owner.userId}`, { role: "editor" });
    expect(demote.status).toBe(409);
    expect(demote.body.error.code).toBe("last_owner");
    expect((await owner.client.delete(`/api/projects/${projectId}/members/${owner.userId}`)).status).toBe(409);

    const promote = await owner.client.patch(`/api/projects/${projectId}/members/${editor.userId}`, { role: "owner" });
    expect(promote.status).toBe(200);
    expect(promote.body.member.role).toBe("owner");
    // Now there are two owners: the first may leave.
    expect((await owner.client.delete(`/api/projects/${projectId}/members/${owner.userId}`)).status).toBe(204);
    expect((await owner.client.get(`/api/projects/${projectId}`)).status).toBe(404);
    expect((await editor.client.patch(`/api/projects/${projectId}/members/${editor.userId}`, { role: "bogus" })).status).toBe(400);
    expect((await editor.client.patch(`/api/projects/${projectId}/members/nobody`, { role: "viewer" })).status).toBe(404);
  });

  it("lets any member leave and the owner remove others, but not an editor remove others", async () => {
    const projectId = await createProject(owner.client);
    await addMember(owner.client, projectId, editor, "editor");
    await addMember(owner.client, projectId, viewer, "viewer");
    const denied = await editor.client.delete(`/api/projects/${projectId}/members/${viewer.userId}`);
    expect(denied.status).toBe(403);
    expect((await viewer.client.delete(`/api/projects/${projectId}/members/${viewer.userId}`)).status).toBe(204);
    expect((await viewer.client.get(`/api/projects/${projectId}`)).status).toBe(404);
    expect((await owner.client.delete(`/api/projects/${projectId}/members/${editor.userId}`)).status).toBe(204);
    expect((await editor.client.get(`/api/projects/${projectId}`)).status).toBe(404);
  });

  it("lists and revokes pending invites", async () => {
    const projectId = await createProject(owner.client);
    const created = await owner.client.post(`/api/projects/${projectId}/invites`, { email: "someone@example.org", role: "viewer" });
    const list = await owner.client.get(`/api/projects/${projectId}/invites`);
    expect(list.body.items.map((i: any) => i.id)).toEqual([created.body.invite.id]);
    expect((await owner.client.delete(`/api/projects/${projectId}/invites/${created.body.invite.id}`)).status).toBe(204);
    expect((await owner.client.get(`/api/projects/${projectId}/invites`)).body.items).toEqual([]);
  });
});
