// Names for the authorIds of highlights and comments, and the members a comment can mention.
import { eq, inArray } from "drizzle-orm";
import type { Db } from "../db/client";
import { members, users } from "../db/schema";

export interface ProjectPerson {
  userId: string;
  name: string;
  email: string;
}

/** Display names by user id; people who left the project keep their name on what they wrote. */
export async function namesOf(db: Db, ids: Iterable<string>): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  const names = new Map<string, string>();
  // D1 binds at most 100 parameters per statement.
  for (let i = 0; i < unique.length; i += 90) {
    const rows = await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, unique.slice(i, i + 90))).all();
    for (const r of rows) names.set(r.id, r.name);
  }
  return names;
}

/** Adds `authorName` to each item (null for an account that no longer exists). */
export async function withAuthorNames<T extends { authorId: string }>(db: Db, items: T[]): Promise<(T & { authorName: string | null })[]> {
  const names = await namesOf(db, items.map((i) => i.authorId));
  return items.map((i) => ({ ...i, authorName: names.get(i.authorId) ?? null }));
}

export async function withAuthorName<T extends { authorId: string }>(db: Db, item: T): Promise<T & { authorName: string | null }> {
  return (await withAuthorNames(db, [item]))[0]!;
}

export async function projectPeople(db: Db, projectId: string): Promise<ProjectPerson[]> {
  return db
    .select({ userId: members.userId, name: users.name, email: users.email })
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    .where(eq(members.projectId, projectId))
    .all();
}
