// Project and membership queries used by several routes.
import { and, eq } from "drizzle-orm";
import type { ProjectDto, Role } from "../../protocol/api";
import type { Db } from "../db/client";
import { members, projects } from "../db/schema";
import { notFound } from "../errors";

export async function getProjectDto(db: Db, projectId: string, role: Role): Promise<ProjectDto> {
  const row = await db.select().from(projects).where(eq(projects.id, projectId)).get();
  if (!row) throw notFound("project");
  return { id: row.id, name: row.name, role, ownerId: row.ownerId, createdAt: row.createdAt, updatedAt: row.updatedAt };
}

export async function countOwners(db: Db, projectId: string): Promise<number> {
  const rows = await db
    .select({ userId: members.userId })
    .from(members)
    .where(and(eq(members.projectId, projectId), eq(members.role, "owner")))
    .all();
  return rows.length;
}
