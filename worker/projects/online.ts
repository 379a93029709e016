// Who else is online in each of the caller's projects, for the projects rail. The candidates come
// from D1's socket leases (one per open WebSocket, worker/abuse/socket-slots.ts); each project's
// room then confirms which of them still hold an open socket, so a lease a reset room never gave
// back (its close handlers skipped by a deploy) never shows a ghost. Only rooms with candidates
// are asked, so a user whose colleagues are all offline costs one D1 read.
import { and, eq, gt, ne } from "drizzle-orm";
import type { ProjectOnlineDto } from "../../protocol/api";
import type { Db } from "../db/client";
import { members, userLeases, users } from "../db/schema";
import { log } from "../lib/log";
import { nowIso } from "../lib/time";
import { projectRoom } from "./room";

interface Candidate {
  leaseId: string;
  userId: string;
  name: string;
}

export async function onlineInMyProjects(env: Env, db: Db, me: string): Promise<ProjectOnlineDto[]> {
  const rows = await db
    .select({ leaseId: userLeases.id, projectId: userLeases.projectId, userId: userLeases.userId, name: users.name })
    .from(members)
    .innerJoin(userLeases, and(eq(userLeases.projectId, members.projectId), eq(userLeases.kind, "socket"), gt(userLeases.expiresAt, nowIso())))
    .innerJoin(users, eq(users.id, userLeases.userId))
    .where(and(eq(members.userId, me), ne(userLeases.userId, me)))
    .all();
  const byProject = new Map<string, Candidate[]>();
  for (const { projectId, ...candidate } of rows) {
    if (!projectId) continue;
    const list = byProject.get(projectId);
    if (list) list.push(candidate);
    else byProject.set(projectId, [candidate]);
  }
  const confirmed = await Promise.all(
    [...byProject].map(async ([projectId, candidates]): Promise<ProjectOnlineDto> => {
      let open: Set<string>;
      try {
        open = new Set(await projectRoom(env, projectId).openLeases(candidates.map((c) => c.leaseId)));
      } catch (error) {
        // A room that cannot answer shows nobody: a missing dot is better than a ghost.
        log("online.check_failed", { projectId, outcome: "error", message: String(error) });
        open = new Set();
      }
      const people = new Map<string, string>();
      for (const c of candidates) if (open.has(c.leaseId)) people.set(c.userId, c.name);
      return { projectId, users: [...people].map(([userId, name]) => ({ userId, name })).sort((a, b) => a.name.localeCompare(b.name)) };
    }),
  );
  return confirmed.filter((p) => p.users.length > 0).sort((a, b) => a.projectId.localeCompare(b.projectId));
}
