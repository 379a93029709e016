// §Annotations through the real worker and ProjectRoom: CRUD, versions, roles, validation,
// realtime events, the Markdown export, and cleanup when a paper is deleted.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import type { AnnotationDto } from "../../protocol/annotations";
import type { ServerMessage } from "../../protocol/realtime";
import { addPaper, annotationsPath, commentsPath, type Group, highlight, readingGroup } from "../helpers/annotations";
import { TestClient } from "../helpers/client";
import { connectLive } from "../helpers/live";

let g: Group;

beforeAll(async () => {
  g = await readingGroup(3);
});

const one = (id: string) => `/api/projects/${g.projectId}/annotations/${id}`;

async function create(client: TestClient, overrides: Record<string, unknown> = {}): Promise<AnnotationDto> {
  const res = await client.post(annotationsPath(g), highlight(overrides));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.annotation;
}

describe("annotation CRUD", () => {
  it("creates, lists, edits and deletes a highlight", async () => {
    const created = await g.editor.client.post(annotationsPath(g), highlight({ page: 2, color: "green" }));
    expect(created.status).toBe(201);
    const a = created.body.annotation;
    expect(a).toEqual({
      id: expect.any(String), documentId: g.documentId, page: 2, quote: "the quoted words", prefix: "before ", suffix: " after",
      rects: [{ x: 0.1, y: 0.2, w: 0.5, h: 0.02 }], color: "green", note: "a note", authorId: g.editor.userId, authorName: g.editor.name,
      createdAt: expect.any(String), updatedAt: expect.any(String), version: 1,
    });

    const list = await g.viewer.client.get(annotationsPath(g));
    expect(list.status).toBe(200);
    expect(list.body.items.find((x: AnnotationDto) => x.id === a.id)).toMatchObject({ id: a.id, authorName: g.editor.name, version: 1 });
    expect(list.body).toHaveProperty("nextCursor");

    const edited = await g.editor.client.patch(one(a.id), { version: 1, note: "changed", color: "pink" });
    expect(edited.status).toBe(200);
    expect(edited.body.annotation).toMatchObject({ id: a.id, note: "changed", color: "pink", version: 2, quote: "the quoted words" });

    const cleared = await g.editor.client.patch(one(a.id), { version: 2, note: "" });
    expect(cleared.body.annotation).toMatchObject({ note: null, color: "pink", version: 3 });

    expect((await g.editor.client.delete(one(a.id))).status).toBe(204);
    expect((await g.editor.client.delete(one(a.id))).status).toBe(404);
    const after = await g.owner.client.get(annotationsPath(g));
    expect(after.body.items.map((x: AnnotationDto) => x.id)).not.toContain(a.id);
  });

  it("answers a stale version with 409 and the current highlight", async () => {
    const a = await create(g.editor.client);
    expect((await g.editor.client.patch(one(a.id), { version: 1, note: "first" })).status).toBe(200);
    const stale = await g.editor.client.patch(one(a.id), { version: 1, note: "second" });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toEqual({ code: "version_conflict", message: expect.any(String) });
    expect(stale.body.annotation).toMatchObject({ id: a.id, note: "first", version: 2, authorName: g.editor.name });
    const retried = await g.editor.client.patch(one(a.id), { version: 2, note: "second" });
    expect(retried.body.annotation).toMatchObject({ note: "second", version: 3 });
  });

  it("pages through highlights in reading order", async () => {
    const paper = { projectId: g.projectId, documentId: await addPaper(g.owner.client, g.projectId, 3) };
    const at = (page: number, y: number, x: number) =>
      g.owner.client.post(annotationsPath(paper), highlight({ page, quote: `p${page} y${y} x${x}`, rects: [{ x: 0.9, y: 0.95, w: 0.05, h: 0.01 }, { x, y, w: 0.1, h: 0.01 }] }));
    for (const [p, y, x] of [[3, 0.1, 0.1], [1, 0.5, 0.1], [1, 0.2, 0.6], [1, 0.2, 0.1], [2, 0.9, 0.1]] as const) expect((await at(p, y, x)).status).toBe(201);
    const quotes: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { status: number; body: { items: AnnotationDto[]; nextCursor: string | null } } = await g.viewer.client.get(`${annotationsPath(paper)}?limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      quotes.push(...res.body.items.map((x: AnnotationDto) => x.quote));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(quotes).toEqual(["p1 y0.2 x0.1", "p1 y0.2 x0.6", "p1 y0.5 x0.1", "p2 y0.9 x0.1", "p3 y0.1 x0.1"]);
    expect((await g.viewer.client.get(`${annotationsPath(paper)}?cursor=not-a-cursor`)).status).toBe(400);
  });
});

describe("who may annotate", () => {
  it("lets viewers read but not highlight", async () => {
    const res = await g.viewer.client.post(annotationsPath(g), highlight());
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe("insufficient_role");
    expect((await g.viewer.client.get(annotationsPath(g))).status).toBe(200);
  });

  it("lets only the author edit, and the author or an owner delete", async () => {
    const byOwner = await create(g.owner.client);
    const byEditor = await create(g.editor.client);
    const editorEdits = await g.editor.client.patch(one(byOwner.id), { version: 1, note: "mine now" });
    expect(editorEdits.status).toBe(403);
    expect(editorEdits.body.error.code).toBe("not_author");
    expect((await g.viewer.client.patch(one(byOwner.id), { version: 1, note: "x" })).status).toBe(403);
    expect((await g.owner.client.patch(one(byEditor.id), { version: 1, note: "owners do not edit others" })).status).toBe(403);
    expect((await g.editor.client.delete(one(byOwner.id))).status).toBe(403);
    expect((await g.viewer.client.delete(one(byEditor.id))).status).toBe(403);
    expect((await g.owner.client.delete(one(byEditor.id))).status).toBe(204);
    expect((await g.owner.client.delete(one(byOwner.id))).status).toBe(204);
  });

  it("hides the project from non-members (404) and asks anonymous callers to sign in (401)", async () => {
    const a = await create(g.owner.client);
    for (const res of [
      await g.stranger.client.get(annotationsPath(g)),
      await g.stranger.client.post(annotationsPath(g), highlight()),
      await g.stranger.client.patch(one(a.id), { version: 1, note: "x" }),
      await g.stranger.client.delete(one(a.id)),
      await g.stranger.client.get(`${annotationsPath(g)}.md`),
    ]) expect(res.status).toBe(404);
    const anonymous = new TestClient();
    expect((await anonymous.get(annotationsPath(g))).status).toBe(401);
    expect((await anonymous.post(annotationsPath(g), highlight())).status).toBe(401);
  });

  it("does not reach another project's highlights or papers through this project's URLs", async () => {
    const a = await create(g.owner.client);
    const otherProject = (await g.stranger.client.post("/api/projects", { name: "Elsewhere" })).body.project.id as string;
    const otherPaper = await addPaper(g.stranger.client, otherProject, 1);
    const theirs = await g.stranger.client.post(annotationsPath({ projectId: otherProject, documentId: otherPaper }), highlight());
    expect(theirs.status).toBe(201);
    // Their highlight through our project's URL, and our paper through their project's URL.
    expect((await g.owner.client.patch(one(theirs.body.annotation.id), { version: 1, note: "x" })).status).toBe(404);
    expect((await g.owner.client.delete(one(theirs.body.annotation.id))).status).toBe(404);
    expect((await g.owner.client.get(annotationsPath({ projectId: g.projectId, documentId: otherPaper }))).status).toBe(404);
    expect((await g.stranger.client.patch(`/api/projects/${otherProject}/annotations/${a.id}`, { version: 1, note: "x" })).status).toBe(404);
    expect((await g.owner.client.get(annotationsPath({ projectId: g.projectId, documentId: "no-such-paper" }))).status).toBe(404);
  });
});

describe("annotation input", () => {
  const rect = { x: 0.1, y: 0.1, w: 0.1, h: 0.1 };
  it.each([
    ["page 0", { page: 0 }],
    ["a page past the paper's end", { page: 4 }],
    ["a fractional page", { page: 1.5 }],
    ["no rects", { rects: [] }],
    ["201 rects", { rects: Array.from({ length: 201 }, () => rect) }],
    ["a rect outside the page", { rects: [{ ...rect, x: 1.5 }] }],
    ["a negative rect", { rects: [{ ...rect, w: -0.1 }] }],
    ["a rect with extra keys", { rects: [{ ...rect, z: 1 }] }],
    ["a quote over 5,000 characters", { quote: "q".repeat(5001) }],
    ["a prefix over 200 characters", { prefix: "p".repeat(201) }],
    ["a suffix over 200 characters", { suffix: "s".repeat(201) }],
    ["a colour off the palette", { color: "red" }],
    ["a note over 10,000 characters", { note: "n".repeat(10_001) }],
    ["an unknown field", { authorId: "someone-else" }],
  ])("refuses %s with 400", async (_name, overrides) => {
    const res = await g.editor.client.post(annotationsPath(g), highlight(overrides));
    expect(res.status).toBe(400);
    expect(res.body.error).toEqual({ code: expect.stringMatching(/^invalid_/), message: expect.any(String) });
  });

  it("accepts the limits themselves", async () => {
    const res = await g.editor.client.post(annotationsPath(g), highlight({ page: 3, quote: "q".repeat(5000), prefix: "p".repeat(200), note: "n".repeat(10_000), rects: Array.from({ length: 200 }, () => rect) }));
    expect(res.status).toBe(201);
  });

  it("refuses a PATCH without a version, or one that tries to move the highlight", async () => {
    const a = await create(g.editor.client);
    expect((await g.editor.client.patch(one(a.id), { note: "x" })).status).toBe(400);
    expect((await g.editor.client.patch(one(a.id), { version: 1, page: 2 })).status).toBe(400);
    expect((await g.editor.client.patch(one(a.id), { version: 1, color: "black" })).status).toBe(400);
  });

  it("keeps a note with markup as the literal string", async () => {
    const note = `<script>alert("x")</script> <img src=x onerror=alert(1)> [click](javascript:alert(1))`;
    const a = await create(g.editor.client, { note });
    expect(a.note).toBe(note);
    const listed = (await g.viewer.client.get(annotationsPath(g))).body.items.find((x: AnnotationDto) => x.id === a.id);
    expect(listed.note).toBe(note);
  });
});

describe("annotation events", () => {
  it("sends created, updated and deleted to other members with increasing seq; applying them twice changes nothing", async () => {
    const viewer = await connectLive(g.viewer.client, g.projectId);
    const a = await create(g.editor.client, { note: "v1" });
    await g.editor.client.patch(one(a.id), { version: 1, note: "v2" });
    await g.editor.client.delete(one(a.id));
    const events = (await viewer.socket.eventsUntilPong()).filter((e) => e.type.startsWith("annotation.") && "annotation" in e && e.annotation.id === a.id);
    expect(events.map((e) => e.type)).toEqual(["annotation.created", "annotation.updated", "annotation.deleted"]);
    const seqs = events.map((e) => ("seq" in e ? e.seq : 0));
    expect(seqs.every((s, i) => i === 0 || s > seqs[i - 1]!)).toBe(true);
    expect(seqs[0]).toBeGreaterThan(viewer.seq);
    const { authorName: _name, ...stored } = a as AnnotationDto & { authorName: string };
    expect(events[0]).toMatchObject({ annotation: stored });
    expect(events[0]).not.toHaveProperty("annotation.authorName");
    expect(events[1]).toMatchObject({ annotation: { id: a.id, note: "v2", version: 2 } });
    expect(events[2]).toMatchObject({ annotation: { id: a.id, documentId: g.documentId, version: 3 } });

    // What a client does: keep the highest version per id, deleted ones as tombstones.
    const apply = (stream: ServerMessage[]) => {
      const state = new Map<string, { version: number; deleted: boolean; note: string | null }>();
      for (const e of stream) {
        if (!("annotation" in e)) continue;
        const seen = state.get(e.annotation.id);
        if (seen && seen.version >= e.annotation.version) continue;
        state.set(e.annotation.id, { version: e.annotation.version, deleted: e.type === "annotation.deleted", note: e.annotation.note });
      }
      return state;
    };
    const once = apply(events);
    expect(apply([...events, ...events])).toEqual(once);
    expect(apply([events[0]!, events[2]!, events[1]!, events[0]!])).toEqual(once);
    expect(once.get(a.id)).toEqual({ version: 3, deleted: true, note: "v2" });

    // A reconnecting client gets the same events replayed.
    const back = await connectLive(g.viewer.client, g.projectId);
    const replayed = (await back.socket.resume(viewer.seq, events.length)).filter((e) => "annotation" in e && e.annotation.id === a.id);
    expect(replayed).toEqual(events);
  });
});

describe("annotations.md", () => {
  it("exports highlights in reading order with notes, authors and threads, escaping user text", async () => {
    const paper = { projectId: g.projectId, documentId: await addPaper(g.owner.client, g.projectId, 3) };
    const post = (client: TestClient, body: Record<string, unknown>) => client.post(annotationsPath(paper), highlight(body));
    const late = (await post(g.owner.client, { page: 2, quote: "second page words", note: "plain note", rects: [{ x: 0.1, y: 0.1, w: 0.2, h: 0.02 }] })).body.annotation;
    const low = (await post(g.editor.client, { page: 1, quote: "lower on page one", note: null, rects: [{ x: 0.1, y: 0.8, w: 0.2, h: 0.02 }] })).body.annotation;
    const evil = (await post(g.editor.client, {
      page: 1,
      quote: "# not a heading",
      note: `<script>alert(1)</script> see [this](https://evil.example) and \`code\`\n# heading?`,
      rects: [{ x: 0.5, y: 0.3, w: 0.2, h: 0.02 }, { x: 0.1, y: 0.2, w: 0.8, h: 0.02 }],
    })).body.annotation;
    const root = await g.viewer.client.post(commentsPath(paper), { annotationId: evil.id, body: "Why <b>this</b>?" });
    expect(root.status).toBe(201);
    expect((await g.editor.client.post(commentsPath(paper), { parentId: root.body.comment.id, body: "Because ![img](x)" })).status).toBe(201);
    expect((await g.owner.client.post(commentsPath(paper), { body: "Paper-level remark" })).status).toBe(201);

    const res = await g.viewer.client.fetch(`${annotationsPath(paper)}.md`);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/markdown; charset=utf-8");
    expect(res.headers.get("Content-Disposition")).toMatch(/^attachment; filename=".+annotations\.md"; filename\*=UTF-8''/);
    const md = await res.text();

    // Reading order: page 1 top (the top-most rect decides), page 1 lower, then page 2.
    const order = [evil, low, late].map((a) => md.indexOf(a.quote.replace("#", "\\#")));
    expect(order.every((pos) => pos > 0)).toBe(true);
    expect(order).toEqual([...order].sort((x, y) => x - y));
    expect(md.indexOf("Paper-level remark")).toBeGreaterThan(order[2]!);

    expect(md).toMatch(/^# /);
    expect(md).toContain("> \\# not a heading");
    expect(md).toContain("**Note:** &lt;script&gt;alert\\(1\\)&lt;/script&gt; see \\[this\\]\\(https://evil.example\\) and \\`code\\`");
    expect(md).toContain("\n\\# heading?");
    expect(md).not.toMatch(/<script|<b>|\]\(https|!\[img\]/);
    expect(md).toContain(`**${g.viewer.name}**`);
    expect(md).toMatch(new RegExp(`- \\*\\*${g.viewer.name}\\*\\* \\(\\d{4}-\\d\\d-\\d\\d\\): Why &lt;b&gt;this&lt;/b&gt;\\?\n  - \\*\\*${g.editor.name}\\*\\* \\(\\d{4}-\\d\\d-\\d\\d\\): Because \\\\!\\\\\\[img\\\\\\]\\\\\\(x\\\\\\)`));
    expect(md).toContain(`— ${g.editor.name}, page 1`);
    expect(md).toContain("plain note");
  });
});

describe("deleting a paper", () => {
  it("removes its highlights and comments", async () => {
    const paper = { projectId: g.projectId, documentId: await addPaper(g.owner.client, g.projectId, 1) };
    const a = (await g.owner.client.post(annotationsPath(paper), highlight())).body.annotation;
    expect((await g.viewer.client.post(commentsPath(paper), { annotationId: a.id, body: "on it" })).status).toBe(201);
    const room = env.PROJECT_ROOM.get(env.PROJECT_ROOM.idFromName(g.projectId));
    expect((await room.listAnnotations(paper.documentId, 10)).items).toHaveLength(1);
    expect((await g.owner.client.delete(`/api/projects/${g.projectId}/documents/${paper.documentId}`)).status).toBe(204);
    expect((await room.listAnnotations(paper.documentId, 10)).items).toEqual([]);
    expect((await room.listComments(paper.documentId, 10)).items).toEqual([]);
    expect(await room.getAnnotation(a.id)).toBeNull();
    expect((await g.owner.client.get(annotationsPath(paper))).status).toBe(404);
  });
});

describe("idempotent creates (client-chosen ids)", () => {
  const freshId = () => crypto.randomUUID().replaceAll("-", "");

  it("stores a highlight sent twice with the same id once, answers the repeat with 200, and broadcasts once", async () => {
    const viewer = await connectLive(g.viewer.client, g.projectId);
    const id = freshId();
    const first = await g.editor.client.post(annotationsPath(g), highlight({ id, note: "sent twice" }));
    expect(first.status).toBe(201);
    expect(first.body.annotation.id).toBe(id);
    const again = await g.editor.client.post(annotationsPath(g), highlight({ id, note: "sent twice" }));
    expect(again.status).toBe(200);
    expect(again.body.annotation).toEqual(first.body.annotation);
    const list = (await g.viewer.client.get(`${annotationsPath(g)}?limit=200`)).body.items as AnnotationDto[];
    expect(list.filter((a) => a.id === id)).toHaveLength(1);
    const events = (await viewer.socket.eventsUntilPong()).filter((e) => e.type === "annotation.created" && "annotation" in e && e.annotation.id === id);
    expect(events).toHaveLength(1);
  });

  it("refuses an id that is another person's highlight or malformed, and leaves that highlight alone", async () => {
    const id = freshId();
    expect((await g.editor.client.post(annotationsPath(g), highlight({ id, note: "mine" }))).status).toBe(201);
    const taken = await g.owner.client.post(annotationsPath(g), highlight({ id, note: "theirs" }));
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe("id_taken");
    const stored = ((await g.viewer.client.get(`${annotationsPath(g)}?limit=200`)).body.items as AnnotationDto[]).filter((a) => a.id === id);
    expect(stored.map((a) => a.note)).toEqual(["mine"]);
    const bad = await g.editor.client.post(annotationsPath(g), highlight({ id: "short" }));
    expect(bad.status).toBe(400);
  });

  it("does the same for comments", async () => {
    const id = freshId();
    const first = await g.viewer.client.post(commentsPath(g), { body: "a thought, sent twice", id });
    expect(first.status).toBe(201);
    expect(first.body.comment.id).toBe(id);
    const again = await g.viewer.client.post(commentsPath(g), { body: "a thought, sent twice", id });
    expect(again.status).toBe(200);
    expect(again.body.comment.id).toBe(id);
    const list = (await g.viewer.client.get(`${commentsPath(g)}?limit=200`)).body.items as { id: string }[];
    expect(list.filter((c) => c.id === id)).toHaveLength(1);
    const taken = await g.editor.client.post(commentsPath(g), { body: "not yours", id });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe("id_taken");
  });
});
