// Every project route × every kind of caller, generated from one table. Each route gets its own
// fresh project; callers run from least to most privileged, so the one call that may change
// or destroy the fixture (the owner's, or an editor's where editors may) comes last.
import { beforeAll, describe, expect, it } from "vitest";
import { signUp, TestClient } from "../helpers/client";
import { uploadPdf } from "../helpers/documents";
import { makePaper } from "../helpers/pdf";
import { addMember, createProject, type Person } from "../helpers/project";

type Caller = "owner" | "editor" | "viewer" | "other" | "anonymous";
type MinRole = "viewer" | "editor" | "owner";

interface Fixture {
  projectId: string;
  spare: Person; // a viewer that routes acting on "some other member" target
  inviteId: string;
  /** Only for routes with `paper`: a paper with one highlight and one comment, both the owner's. */
  documentId: string;
  annotationId: string;
  commentId: string;
}

interface RouteCase {
  name: string;
  minRole: MinRole;
  success: number;
  request: (f: Fixture) => { method: string; path: string; body?: unknown };
  paper?: true;
}

const highlight = { page: 1, quote: "q", rects: [{ x: 0.1, y: 0.1, w: 0.2, h: 0.02 }], color: "yellow" };
const onPaper = (f: Fixture, rest: string) => `/api/projects/${f.projectId}/documents/${f.documentId}/${rest}`;

const ROUTES: RouteCase[] = [
  { name: "GET project", minRole: "viewer", success: 200, request: (f) => ({ method: "GET", path: `/api/projects/${f.projectId}` }) },
  { name: "PATCH project", minRole: "editor", success: 200, request: (f) => ({ method: "PATCH", path: `/api/projects/${f.projectId}`, body: { name: "New name" } }) },
  { name: "DELETE project", minRole: "owner", success: 204, request: (f) => ({ method: "DELETE", path: `/api/projects/${f.projectId}` }) },
  { name: "GET members", minRole: "viewer", success: 200, request: (f) => ({ method: "GET", path: `/api/projects/${f.projectId}/members` }) },
  {
    name: "PATCH member role",
    minRole: "owner",
    success: 200,
    request: (f) => ({ method: "PATCH", path: `/api/projects/${f.projectId}/members/${f.spare.userId}`, body: { role: "editor" } }),
  },
  { name: "DELETE other member", minRole: "owner", success: 204, request: (f) => ({ method: "DELETE", path: `/api/projects/${f.projectId}/members/${f.spare.userId}` }) },
  {
    name: "POST invite",
    minRole: "owner",
    success: 201,
    request: (f) => ({ method: "POST", path: `/api/projects/${f.projectId}/invites`, body: { email: `new-${crypto.randomUUID()}@example.org`, role: "viewer" } }),
  },
  { name: "GET invites", minRole: "owner", success: 200, request: (f) => ({ method: "GET", path: `/api/projects/${f.projectId}/invites` }) },
  { name: "DELETE invite", minRole: "owner", success: 204, request: (f) => ({ method: "DELETE", path: `/api/projects/${f.projectId}/invites/${f.inviteId}` }) },
  // Annotations and comments; authorship rules (author edits, owner deletes) are in their own tests.
  { name: "GET annotations", minRole: "viewer", success: 200, paper: true, request: (f) => ({ method: "GET", path: onPaper(f, "annotations") }) },
  { name: "POST annotation", minRole: "editor", success: 201, paper: true, request: (f) => ({ method: "POST", path: onPaper(f, "annotations"), body: highlight }) },
  {
    name: "PATCH owner's annotation",
    minRole: "owner",
    success: 200,
    paper: true,
    request: (f) => ({ method: "PATCH", path: `/api/projects/${f.projectId}/annotations/${f.annotationId}`, body: { version: 1, note: "n" } }),
  },
  { name: "DELETE owner's annotation", minRole: "owner", success: 204, paper: true, request: (f) => ({ method: "DELETE", path: `/api/projects/${f.projectId}/annotations/${f.annotationId}` }) },
  { name: "GET comments", minRole: "viewer", success: 200, paper: true, request: (f) => ({ method: "GET", path: onPaper(f, "comments") }) },
  { name: "POST comment", minRole: "viewer", success: 201, paper: true, request: (f) => ({ method: "POST", path: onPaper(f, "comments"), body: { body: "hello" } }) },
  {
    name: "PATCH owner's comment",
    minRole: "owner",
    success: 200,
    paper: true,
    request: (f) => ({ method: "PATCH", path: `/api/projects/${f.projectId}/comments/${f.commentId}`, body: { body: "edited" } }),
  },
  { name: "DELETE owner's comment", minRole: "owner", success: 204, paper: true, request: (f) => ({ method: "DELETE", path: `/api/projects/${f.projectId}/comments/${f.commentId}` }) },
  { name: "GET discussion counts", minRole: "viewer", success: 200, paper: true, request: (f) => ({ method: "GET", path: `/api/projects/${f.projectId}/discussion` }) },
  { name: "POST resolve thread", minRole: "viewer", success: 200, paper: true, request: (f) => ({ method: "POST", path: `/api/projects/${f.projectId}/comments/${f.commentId}/resolve` }) },
];

const RANK: Record<MinRole, number> = { viewer: 1, editor: 2, owner: 3 };

function expectedStatus(caller: Caller, route: RouteCase): number {
  if (caller === "anonymous") return 401;
  if (caller === "other") return 404;
  return RANK[caller] >= RANK[route.minRole] ? route.success : 403;
}

let people: Record<"owner" | "editor" | "viewer" | "other", Person>;
let spare: Person;

beforeAll(async () => {
  const [owner, editor, viewer, other, s] = await Promise.all(["owner", "editor", "viewer", "other", "spare"].map((l) => signUp(l)));
  people = { owner: owner!, editor: editor!, viewer: viewer!, other: other! };
  spare = s!;
});

async function freshFixture(route: RouteCase): Promise<Fixture> {
  const projectId = await createProject(people.owner.client, "Matrix");
  await addMember(people.owner.client, projectId, people.editor, "editor");
  await addMember(people.owner.client, projectId, people.viewer, "viewer");
  await addMember(people.owner.client, projectId, spare, "viewer");
  const invite = await people.owner.client.post(`/api/projects/${projectId}/invites`, { email: `pending-${crypto.randomUUID()}@example.org`, role: "viewer" });
  const fixture = { projectId, spare, inviteId: invite.body.invite.id, documentId: "", annotationId: "", commentId: "" };
  if (!route.paper) return fixture;
  const upload = await uploadPdf(people.owner.client, projectId, makePaper(1, projectId));
  fixture.documentId = upload.body.document.id;
  fixture.annotationId = (await people.owner.client.post(onPaper(fixture, "annotations"), highlight)).body.annotation.id;
  fixture.commentId = (await people.owner.client.post(onPaper(fixture, "comments"), { annotationId: fixture.annotationId, body: "thread" })).body.comment.id;
  return fixture;
}

const CALLERS: Caller[] = ["anonymous", "other", "viewer", "editor", "owner"];

describe.each(ROUTES)("$name", (route) => {
  let fixture: Fixture;
  beforeAll(async () => {
    fixture = await freshFixture(route);
  });
  it.each(CALLERS)("as %s", async (caller) => {
    const client = caller === "anonymous" ? new TestClient() : people[caller].client;
    const { method, path, body } = route.request(fixture);
    const res = await client.json(method, path, body);
    expect({ status: res.status, code: res.body?.error?.code }).toMatchObject({ status: expectedStatus(caller, route) });
    if (res.status >= 400) expect(res.body.error).toEqual({ code: expect.any(String), message: expect.any(String) });
  });
});
