// §Annotations and comments: threads, replies, edits, resolve/reopen, roles, validation,
// realtime events and @mention emails, through the real worker and ProjectRoom.
import { beforeAll, describe, expect, it } from "vitest";
import type { CommentDto } from "../../protocol/annotations";
import { annotationsPath, commentsPath, type Group, highlight, readingGroup } from "../helpers/annotations";
import { outbox, TestClient } from "../helpers/client";
import { connectLive } from "../helpers/live";

let g: Group;
let annotationId: string;

beforeAll(async () => {
  g = await readingGroup(3);
  const a = await g.editor.client.post(annotationsPath(g), highlight({ page: 2 }));
  expect(a.status).toBe(201);
  annotationId = a.body.annotation.id;
});

const one = (id: string) => `/api/projects/${g.projectId}/comments/${id}`;

async function comment(client: TestClient, body: Record<string, unknown>): Promise<CommentDto> {
  const res = await client.post(commentsPath(g), body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.comment;
}

describe("threads", () => {
  it("lets viewers comment on a highlight and on the paper, with replies attached to the thread root", async () => {
    const root = await g.viewer.client.post(commentsPath(g), { annotationId, body: "Is this right?" });
    expect(root.status).toBe(201);
    expect(root.body.comment).toEqual({
      id: expect.any(String), documentId: g.documentId, annotationId, parentId: null, body: "Is this right?", authorId: g.viewer.userId,
      authorName: g.viewer.name, createdAt: expect.any(String), editedAt: null, version: 1, resolvedAt: null, resolvedBy: null,
    });
    const reply = await comment(g.editor.client, { parentId: root.body.comment.id, body: "Yes" });
    expect(reply).toMatchObject({ parentId: root.body.comment.id, annotationId });
    const replyToReply = await comment(g.owner.client, { parentId: reply.id, body: "Agreed" });
    expect(replyToReply).toMatchObject({ parentId: root.body.comment.id, annotationId });
    const paperLevel = await comment(g.viewer.client, { body: "General remark" });
    expect(paperLevel).toMatchObject({ annotationId: null, parentId: null });

    const all = await g.viewer.client.get(commentsPath(g));
    expect(all.status).toBe(200);
    const ids = all.body.items.map((c: CommentDto) => c.id);
    expect(ids).toEqual(expect.arrayContaining([root.body.comment.id, reply.id, replyToReply.id, paperLevel.id]));
    expect(ids.indexOf(reply.id)).toBeGreaterThan(ids.indexOf(root.body.comment.id));
    expect(all.body.items.find((c: CommentDto) => c.id === reply.id).authorName).toBe(g.editor.name);

    const onHighlight = await g.viewer.client.get(`${commentsPath(g)}?annotationId=${annotationId}`);
    expect(onHighlight.body.items.every((c: CommentDto) => c.annotationId === annotationId)).toBe(true);
    const onPaper = await g.viewer.client.get(`${commentsPath(g)}?annotationId=none`);
    expect(onPaper.body.items.map((c: CommentDto) => c.id)).toContain(paperLevel.id);
    expect(onPaper.body.items.every((c: CommentDto) => c.annotationId === null)).toBe(true);

    const firstPage = await g.viewer.client.get(`${commentsPath(g)}?limit=2`);
    expect(firstPage.body.items).toHaveLength(2);
    const secondPage = await g.viewer.client.get(`${commentsPath(g)}?limit=2&cursor=${firstPage.body.nextCursor}`);
    expect(secondPage.body.items[0].id).toBe(ids[2]);
  });

  it("refuses unknown parents and highlights, and a reply that changes its thread's highlight", async () => {
    const paperLevel = await comment(g.owner.client, { body: "x" });
    const missing = await g.viewer.client.post(commentsPath(g), { parentId: "no-such-comment", body: "x" });
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe("invalid_parent");
    const badAnchor = await g.viewer.client.post(commentsPath(g), { annotationId: "no-such-highlight", body: "x" });
    expect(badAnchor.status).toBe(400);
    expect(badAnchor.body.error.code).toBe("invalid_annotation");
    // A reply cannot move a paper-level thread onto a highlight.
    const mismatch = await g.viewer.client.post(commentsPath(g), { parentId: paperLevel.id, annotationId, body: "x" });
    expect(mismatch.status).toBe(400);
  });

  it.each([
    ["an empty body", { body: "" }],
    ["a blank body", { body: "   \n " }],
    ["a body over 10,000 characters", { body: "b".repeat(10_001) }],
    ["no body", {}],
    ["an unknown field", { body: "x", authorId: "x" }],
  ])("refuses %s with 400", async (_name, body) => {
    const res = await g.viewer.client.post(commentsPath(g), body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toMatch(/^invalid_/);
  });

  it("keeps markup in a comment as the literal string", async () => {
    const body = `<script>alert(1)</script><img src=x onerror=alert(1)>`;
    const created = await comment(g.viewer.client, { body });
    expect(created.body).toBe(body);
    const listed = (await g.owner.client.get(commentsPath(g))).body.items.find((c: CommentDto) => c.id === created.id);
    expect(listed.body).toBe(body);
  });
});

describe("editing, deleting, resolving", () => {
  it("lets the author and owners edit, others not; a stale version gets 409 with the current comment", async () => {
    const c = await comment(g.viewer.client, { body: "first" });
    const edited = await g.viewer.client.patch(one(c.id), { body: "second" });
    expect(edited.status).toBe(200);
    expect(edited.body.comment).toMatchObject({ body: "second", version: 2, editedAt: expect.any(String) });
    const byEditor = await g.editor.client.patch(one(c.id), { body: "hijack" });
    expect(byEditor.status).toBe(403);
    expect(byEditor.body.error.code).toBe("not_author");
    expect((await g.owner.client.patch(one(c.id), { body: "moderated", version: 2 })).body.comment).toMatchObject({ body: "moderated", version: 3 });
    const stale = await g.viewer.client.patch(one(c.id), { body: "late", version: 2 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("version_conflict");
    expect(stale.body.comment).toMatchObject({ id: c.id, body: "moderated", version: 3 });
    expect((await g.viewer.client.patch(one(c.id), { body: "" })).status).toBe(400);
    expect((await g.viewer.client.patch(one("nope"), { body: "x" })).status).toBe(404);
  });

  it("lets the author or an owner delete; deleting a root takes its replies", async () => {
    const root = await comment(g.viewer.client, { body: "root" });
    const reply = await comment(g.editor.client, { parentId: root.id, body: "reply" });
    expect((await g.editor.client.delete(one(root.id))).status).toBe(403);
    expect((await g.viewer.client.delete(one(reply.id))).status).toBe(403);
    const mine = await comment(g.editor.client, { parentId: root.id, body: "another reply" });
    expect((await g.editor.client.delete(one(mine.id))).status).toBe(204);
    expect((await g.owner.client.delete(one(reply.id))).status).toBe(204);
    const again = await comment(g.editor.client, { parentId: root.id, body: "a third reply" });
    expect((await g.viewer.client.delete(one(root.id))).status).toBe(204);
    const ids = (await g.viewer.client.get(commentsPath(g))).body.items.map((c: CommentDto) => c.id);
    expect(ids).not.toContain(root.id);
    expect(ids).not.toContain(again.id);
    expect((await g.viewer.client.delete(one(root.id))).status).toBe(404);
  });

  it("resolves and reopens a thread, also when addressed through a reply", async () => {
    const root = await comment(g.viewer.client, { annotationId, body: "to resolve" });
    const reply = await comment(g.editor.client, { parentId: root.id, body: "done" });
    const resolved = await g.editor.client.post(`${one(reply.id)}/resolve`);
    expect(resolved.status).toBe(200);
    expect(resolved.body.comment).toMatchObject({ id: root.id, resolvedAt: expect.any(String), resolvedBy: g.editor.userId, version: 2 });
    const twice = await g.viewer.client.post(`${one(root.id)}/resolve`);
    expect(twice.body.comment).toMatchObject({ version: 2, resolvedBy: g.editor.userId });
    const reopened = await g.viewer.client.post(`${one(root.id)}/reopen`);
    expect(reopened.body.comment).toMatchObject({ id: root.id, resolvedAt: null, resolvedBy: null, version: 3 });
    expect((await g.viewer.client.post(`${one("nope")}/resolve`)).status).toBe(404);
  });

  it("deleting a highlight deletes its threads", async () => {
    const a = (await g.editor.client.post(annotationsPath(g), highlight())).body.annotation;
    const root = await comment(g.viewer.client, { annotationId: a.id, body: "on the highlight" });
    expect((await g.editor.client.delete(`/api/projects/${g.projectId}/annotations/${a.id}`)).status).toBe(204);
    expect((await g.viewer.client.patch(one(root.id), { body: "x" })).status).toBe(404);
  });
});

describe("who may comment", () => {
  it("hides the project from non-members (404) and asks anonymous callers to sign in (401)", async () => {
    const c = await comment(g.owner.client, { body: "members only" });
    for (const res of [
      await g.stranger.client.get(commentsPath(g)),
      await g.stranger.client.post(commentsPath(g), { body: "x" }),
      await g.stranger.client.patch(one(c.id), { body: "x" }),
      await g.stranger.client.delete(one(c.id)),
      await g.stranger.client.post(`${one(c.id)}/resolve`),
    ]) expect(res.status).toBe(404);
    const anonymous = new TestClient();
    expect((await anonymous.get(commentsPath(g))).status).toBe(401);
    expect((await anonymous.post(commentsPath(g), { body: "x" })).status).toBe(401);
  });

  it("does not reach another project's comments through this project's URL", async () => {
    const otherProject = (await g.stranger.client.post("/api/projects", { name: "Elsewhere" })).body.project.id as string;
    const c = await comment(g.owner.client, { body: "ours" });
    expect((await g.stranger.client.patch(`/api/projects/${otherProject}/comments/${c.id}`, { body: "x" })).status).toBe(404);
    expect((await g.stranger.client.delete(`/api/projects/${otherProject}/comments/${c.id}`)).status).toBe(404);
  });
});

describe("comment events", () => {
  it("sends comment.created, updated and deleted with increasing seq to other members", async () => {
    const live = await connectLive(g.owner.client, g.projectId);
    const c = await comment(g.viewer.client, { body: "live" });
    await g.viewer.client.patch(one(c.id), { body: "live, edited" });
    await g.viewer.client.post(`${one(c.id)}/resolve`);
    await g.viewer.client.delete(one(c.id));
    const events = (await live.socket.eventsUntilPong()).filter((e) => "comment" in e && e.comment.id === c.id);
    expect(events.map((e) => e.type)).toEqual(["comment.created", "comment.updated", "comment.updated", "comment.deleted"]);
    expect(events.map((e) => ("comment" in e ? e.comment.version : 0))).toEqual([1, 2, 3, 4]);
    const seqs = events.map((e) => ("seq" in e ? e.seq : 0));
    expect(seqs.every((s, i) => i === 0 || s > seqs[i - 1]!)).toBe(true);
    expect(events[1]).toMatchObject({ comment: { body: "live, edited" } });
  });
});

describe("mentions", () => {
  it("emails each mentioned member once with a link to the comment, never the author", async () => {
    const body = `@${g.viewer.name} and @${g.editor.email}, see this. Also @${g.viewer.name.toLowerCase()} again, @${g.owner.name}, and @Nobody.`;
    const c = await comment(g.owner.client, { annotationId, body });
    const link = `http://localhost:8787/projects/${g.projectId}/papers/${g.documentId}?page=2#comment-${c.id}`;
    const mails = (await outbox()).filter((m) => m.text.includes(`#comment-${c.id}`));
    expect(mails.map((m) => m.to).sort()).toEqual([g.editor.email, g.viewer.email].sort());
    for (const m of mails) {
      expect(m.subject).toContain(g.owner.name);
      expect(m.text).toContain(link);
      expect(m.html).toContain(link);
    }
  });

  it("links paper-level comments without a page and escapes the comment in the HTML part", async () => {
    const c = await comment(g.editor.client, { body: `<b>hey</b> @${g.viewer.name}` });
    const [mail] = (await outbox()).filter((m) => m.text.includes(`#comment-${c.id}`));
    expect(mail?.to).toBe(g.viewer.email);
    expect(mail?.text).toContain(`/projects/${g.projectId}/papers/${g.documentId}#comment-${c.id}`);
    expect(mail?.html).not.toContain("<b>hey</b>");
    expect(mail?.html).toContain("&lt;b&gt;hey&lt;/b&gt;");
  });

  it("emails only people newly mentioned by an edit, and mentions in highlight notes", async () => {
    const c = await comment(g.owner.client, { body: `@${g.viewer.name} first` });
    await g.owner.client.patch(one(c.id), { body: `@${g.viewer.name} first, and @${g.editor.name}` });
    const mails = (await outbox()).filter((m) => m.text.includes(`#comment-${c.id}`));
    expect(mails.map((m) => m.to).sort()).toEqual([g.editor.email, g.viewer.email].sort());

    const a = (await g.editor.client.post(annotationsPath(g), highlight({ page: 3, note: `@${g.owner.name} look` }))).body.annotation;
    const [mail] = (await outbox()).filter((m) => m.text.includes(`#annotation-${a.id}`));
    expect(mail?.to).toBe(g.owner.email);
    expect(mail?.text).toContain(`/papers/${g.documentId}?page=3#annotation-${a.id}`);
  });
});
