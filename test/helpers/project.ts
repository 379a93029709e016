// Fixtures for project tests, built through the API like real users would.
import { expect } from "vitest";
import { linkFromOutbox, signUp, type TestClient } from "./client";

export type Person = Awaited<ReturnType<typeof signUp>>;

export async function createProject(owner: TestClient, name = "Reading group"): Promise<string> {
  const res = await owner.post("/api/projects", { name });
  expect(res.status).toBe(201);
  return res.body.project.id;
}

/** Invites `person` with `role` and accepts through the emailed link. */
export async function addMember(owner: TestClient, projectId: string, person: Person, role: "owner" | "editor" | "viewer") {
  const invite = await owner.post(`/api/projects/${projectId}/invites`, { email: person.email, role });
  expect(invite.status).toBe(201);
  const link = await linkFromOutbox(person.email, "/invites/");
  const token = decodeURIComponent(new URL(link).pathname.split("/").pop()!);
  const accepted = await person.client.post(`/api/invites/${token}/accept`);
  expect(accepted.status).toBe(200);
  return token;
}
