// GET /api/projects/:id/discussion (docs/api-extensions.md §Discussion counts): highlights,
// comments and open threads per paper, kept in step with every write, and scoped to the project.
import { beforeAll, describe, expect, it } from "vitest";
import type { CommentDto } from "../../protocol/annotations";
import { addPaper, annotationsPath, commentsPath, type Group, highlight, readingGroup } from "../helpers/annotations";
import type { TestClient } from "../helpers/client";
import { createProject } from "../helpers/project";

let g: Group;

beforeAll(async () => {
  g = await readingGroup(2);
});

const discussionOf = async (client: TestClient, projectId = g.projectId) => {
  const res = await client.get(`/api/projects/${projectId}/discussion`);
  expect(res.status).toBe(200);
  return res.body.items as { documentId: string; highlights: number; comments: number; openThreads: number; lastActivityAt: string }[];
};

async function post(client: TestClient, path: string, body: unknown) {
  const res = await client.post(path, body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

describe("discussion counts", () => {
  it("counts highlights, comments and open threads per paper as they are written, resolved and deleted", async () => {
    const quiet = await addPaper(g.owner.client, g.projectId, 1);
    expect(await discussionOf(g.viewer.client)).toEqual([]);

    const first = (await post(g.editor.client, annotationsPath(g), highlight())).annotation;
    await post(g.owner.client, annotationsPath(g), highlight({ page: 2 }));
    const thread: CommentDto = (await post(g.viewer.client, commentsPath(g), { annotationId: first.id, body: "Why?" })).comment;
    const reply: CommentDto = (await post(g.editor.client, commentsPath(g), { parentId: thread.id, body: "Because." })).comment;
    await post(g.viewer.client, commentsPath(g), { body: "On the whole paper" });

    let [counts, ...rest] = await discussionOf(g.viewer.client);
    expect(rest).toEqual([]);
    expect(counts).toEqual({ documentId: g.documentId, highlights: 2, comments: 3, openThreads: 2, lastActivityAt: expect.any(String) });
    // The newest write is the latest activity.
    const listed = (await g.viewer.client.get(commentsPath(g))).body.items as CommentDto[];
    expect(counts!.lastActivityAt).toBe(listed.map((c) => c.createdAt).sort().at(-1));
    expect(counts!.documentId).not.toBe(quiet);

    const resolved = await g.viewer.client.post(`/api/projects/${g.projectId}/comments/${thread.id}/resolve`);
    expect(resolved.status).toBe(200);
    [counts] = await discussionOf(g.owner.client);
    expect(counts).toMatchObject({ highlights: 2, comments: 3, openThreads: 1 });

    // Deleting a reply leaves the thread; deleting the highlight takes its thread with it.
    expect((await g.editor.client.delete(`/api/projects/${g.projectId}/comments/${reply.id}`)).status).toBe(204);
    [counts] = await discussionOf(g.owner.client);
    expect(counts).toMatchObject({ highlights: 2, comments: 2, openThreads: 1 });
    expect((await g.owner.client.delete(`/api/projects/${g.projectId}/annotations/${first.id}`)).status).toBe(204);
    [counts] = await discussionOf(g.owner.client);
    expect(counts).toMatchObject({ highlights: 1, comments: 1, openThreads: 1 });

    // A deleted paper leaves the list.
    expect((await g.owner.client.delete(`/api/projects/${g.projectId}/documents/${g.documentId}`)).status).toBe(204);
    expect(await discussionOf(g.owner.client)).toEqual([]);
  });

  it("shows only the project's own papers and hides the project from non-members", async () => {
    const otherProject = await createProject(g.stranger.client);
    const otherPaper = await addPaper(g.stranger.client, otherProject, 1);
    await post(g.stranger.client, `/api/projects/${otherProject}/documents/${otherPaper}/annotations`, highlight());
    expect((await discussionOf(g.stranger.client, otherProject)).map((c) => c.documentId)).toEqual([otherPaper]);
    expect((await discussionOf(g.owner.client)).map((c) => c.documentId)).not.toContain(otherPaper);
    const hidden = await g.stranger.client.get(`/api/projects/${g.projectId}/discussion`);
    expect(hidden.status).toBe(404);
    expect(hidden.body.error.code).toBe("not_found");
  });
});
