// Every project route × every kind of caller, generated from one table. Each cell runs on a
// fresh project so destructive routes (delete, remove member) do not disturb other cells.
import { beforeAll, describe, expect, it } from "vitest";
import { signUp, TestClient } from "../helpers/client";
import { addMember, createProject, type Person } from "../helpers/project";

type Caller = "owner" | "editor" | "viewer" | "other" | "anonymous";
type MinRole = "viewer" | "editor" | "owner";

interface Fixture {
  projectId: string;
  spare: Person; // a viewer that routes acting on "some other member" target
  inviteId: string;
}

interface RouteCase {
  name: string;
  minRole: MinRole;
  success: number;
  request: (f: Fixture) => { method: string; path: string; body?: unknown };
}

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

async function freshFixture(): Promise<Fixture> {
  const projectId = await createProject(people.owner.client, "Matrix");
  await addMember(people.owner.client, projectId, people.editor, "editor");
  await addMember(people.owner.client, projectId, people.viewer, "viewer");
  await addMember(people.owner.client, projectId, spare, "viewer");
  const invite = await people.owner.client.post(`/api/projects/${projectId}/invites`, { email: `pending-${crypto.randomUUID()}@example.org`, role: "viewer" });
  return { projectId, spare, inviteId: invite.body.invite.id };
}

const CALLERS: Caller[] = ["owner", "editor", "viewer", "other", "anonymous"];

describe.each(ROUTES)("$name", (route) => {
  it.each(CALLERS)("as %s", async (caller) => {
    const fixture = await freshFixture();
    const client = caller === "anonymous" ? new TestClient() : people[caller].client;
    const { method, path, body } = route.request(fixture);
    const res = await client.json(method, path, body);
    expect({ status: res.status, code: res.body?.error?.code }).toMatchObject({ status: expectedStatus(caller, route) });
    if (res.status >= 400) expect(res.body.error).toEqual({ code: expect.any(String), message: expect.any(String) });
  });
});
