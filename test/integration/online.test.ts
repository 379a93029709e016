// GET /api/me/online (docs/api-extensions.md §Online in your projects): who else has each of my
// projects open, from the socket leases in D1 confirmed by each project's room.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { TestClient, signUp } from "../helpers/client";
import { connectLive } from "../helpers/live";
import { addMember, createProject, type Person } from "../helpers/project";

let owner: Person;
let member: Person;
let stranger: Person;
let projectId: string;

beforeAll(async () => {
  [owner, member, stranger] = await Promise.all([signUp("owner"), signUp("member"), signUp("stranger")]);
  projectId = await createProject(owner.client);
  await addMember(owner.client, projectId, member, "viewer");
});

const online = async (who: Person) => {
  const res = await who.client.get("/api/me/online");
  expect(res.status).toBe(200);
  return res.body.items as { projectId: string; users: { userId: string; name: string }[] }[];
};

async function eventually<T>(read: () => Promise<T>, expected: T, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  let last = await read();
  while (JSON.stringify(last) !== JSON.stringify(expected) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 25));
    last = await read();
  }
  expect(last).toEqual(expected);
}

describe("online in my projects", () => {
  it("lists the other members with the project open, never me, and drops them when they leave", async () => {
    expect(await online(owner)).toEqual([]);

    const memberSocket = await connectLive(member.client, projectId);
    const memberEntry = [{ projectId, users: [{ userId: member.userId, name: member.name }] }];
    expect(await online(owner)).toEqual(memberEntry);
    expect(await online(member)).toEqual([]);

    // Two sockets of the same person are one person; my own socket never lists me.
    const second = await connectLive(member.client, projectId);
    const ownerSocket = await connectLive(owner.client, projectId);
    expect(await online(owner)).toEqual(memberEntry);
    expect(await online(member)).toEqual([{ projectId, users: [{ userId: owner.userId, name: owner.name }] }]);

    // Someone online in a project I am not in is none of my business.
    const theirs = await createProject(stranger.client, "Elsewhere");
    const strangerSocket = await connectLive(stranger.client, theirs);
    expect(await online(owner)).toEqual(memberEntry);

    memberSocket.socket.ws.close(1000);
    second.socket.ws.close(1000);
    await eventually(() => online(owner), []);
    ownerSocket.socket.ws.close(1000);
    strangerSocket.socket.ws.close(1000);
  });

  it("shows no ghost for a lease whose socket its room no longer holds", async () => {
    // As after a deploy that reset the room without running its close handlers.
    const expires = new Date(Date.now() + 3_600_000).toISOString();
    await env.DB.prepare("insert into user_leases (id, user_id, kind, project_id, expires_at) values (?, ?, 'socket', ?, ?)")
      .bind(`ghost-${crypto.randomUUID()}`, member.userId, projectId, expires)
      .run();
    expect(await online(owner)).toEqual([]);
  });

  it("needs a signed-in caller", async () => {
    const res = await new TestClient().get("/api/me/online");
    expect(res.status).toBe(401);
  });
});
