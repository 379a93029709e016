// §Search: GET /api/projects/:projectId/search?q=&tag=&author=&year= — ranked page hits across
// every parsed paper of the project, from the project's FTS5 index in its ProjectRoom.
import { and, eq, sql } from "drizzle-orm";
import { Hono } from "hono";
import { compileQuery, searchQuery } from "../../protocol/search-query";
import type { AppEnv } from "../context";
import { documents } from "../db/schema";
import { validate } from "../middleware/validate";
import { projectRoom } from "../projects/room";

export const searchRoutes = new Hono<AppEnv>().get("/", validate("query", searchQuery), async (c) => {
  const projectId = c.req.param("projectId")!;
  const { q, tag, author, year, limit } = c.req.valid("query");
  const compiled = compileQuery(q);
  if (!compiled.match && compiled.likeTerms.length === 0) return c.json({ items: [], terms: compiled.terms });

  // Filters live in D1; the room then searches only the papers that pass them.
  const authorLike = author ? `%${author.toLowerCase().replace(/[%_\\]/g, "\\$&")}%` : null;
  const allowed = await c.var.db
    .select({ id: documents.id, title: documents.title, filename: documents.filename })
    .from(documents)
    .where(
      and(
        eq(documents.projectId, projectId),
        eq(documents.status, "parsed"),
        tag ? sql`exists (select 1 from json_each(${documents.tags}) where json_each.value = ${tag})` : undefined,
        authorLike ? sql`lower(${documents.authors}) like ${authorLike} escape '\\'` : undefined,
        year ? eq(documents.year, year) : undefined,
      ),
    )
    .all();
  if (allowed.length === 0) return c.json({ items: [], terms: compiled.terms });
  const titles = new Map(allowed.map((d) => [d.id, d.title ?? d.filename]));
  const hits = await projectRoom(c.env, projectId).search({
    match: compiled.match,
    likeTerms: compiled.likeTerms,
    documentIds: allowed.map((d) => d.id),
    limit,
  });
  return c.json({
    items: hits.map((h) => ({ documentId: h.documentId, title: titles.get(h.documentId) ?? "", page: h.page, snippet: h.snippet })),
    terms: compiled.terms,
  });
});
