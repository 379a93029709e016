// The library's discussion column. Mounted at /api/projects/:projectId behind the project access
// check (any member reads; non-members get 404):
//   GET /discussion → {items: [{documentId, highlights, comments, openThreads, lastActivityAt}]}
// Only papers with at least one highlight or comment are listed. Not in api.md: see
// docs/api-extensions.md §Discussion counts.
import { Hono } from "hono";
import type { AppEnv } from "../context";
import { projectRoom } from "../projects/room";

export const discussionRoutes = new Hono<AppEnv>().get("/discussion", async (c) => {
  const items = await projectRoom(c.env, c.req.param("projectId")!).discussion();
  return c.json({ items });
});
