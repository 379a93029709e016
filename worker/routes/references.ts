// References between papers of a project. Mounted at /api/projects/:projectId behind the
// project access check (any member reads; non-members get 404):
//   GET /documents/:documentId/references → {items: [{index, raw, doi, title, year, documentId}], citedBy: [{documentId, title}]}
//   GET /citation-graph                   → {nodes: [{id, title, year, authors, citedByCount}], edges: [{from, to}]}
// The entries live in the project's ProjectRoom; links are computed on every read from the
// papers' DOI and normalised title in D1, so uploads, edits and deletions show at once.
import { asc, eq } from "drizzle-orm";
import { Hono } from "hono";
import type { LinkTarget } from "../../durable-objects/references-store";
import { pathDocument } from "../annotations/document";
import type { AppEnv } from "../context";
import type { Db } from "../db/client";
import { documents } from "../db/schema";
import { normalizeTitle } from "../papers/normalize";
import { projectRoom } from "../projects/room";

/** The project's papers, oldest first (the first of two duplicates is the one linked to). */
async function projectPapers(db: Db, projectId: string) {
  const rows = await db
    .select({
      id: documents.id,
      title: documents.title,
      filename: documents.filename,
      authors: documents.authors,
      year: documents.year,
      doi: documents.doi,
      status: documents.status,
    })
    .from(documents)
    .where(eq(documents.projectId, projectId))
    .orderBy(asc(documents.createdAt), asc(documents.id))
    .all();
  return rows.map((r) => ({ ...r, displayTitle: r.title ?? r.filename }));
}

const targetsOf = (papers: readonly { id: string; doi: string | null; title: string | null }[]): LinkTarget[] =>
  papers.map((p) => ({ id: p.id, doi: p.doi, titleNorm: p.title ? normalizeTitle(p.title) : "" }));

export const referenceRoutes = new Hono<AppEnv>()
  .get("/documents/:documentId/references", async (c) => {
    const projectId = c.req.param("projectId")!;
    const document = await pathDocument(c);
    const papers = await projectPapers(c.var.db, projectId);
    const { items, citedBy } = await projectRoom(c.env, projectId).getReferences(document.id, targetsOf(papers));
    const titles = new Map(papers.map((p) => [p.id, p.displayTitle]));
    return c.json({
      items,
      citedBy: citedBy.map((id) => ({ documentId: id, title: titles.get(id) ?? "" })),
    });
  })

  .get("/citation-graph", async (c) => {
    const projectId = c.req.param("projectId")!;
    const papers = (await projectPapers(c.var.db, projectId)).filter((p) => p.status === "parsed");
    const edges = papers.length < 2 ? [] : await projectRoom(c.env, projectId).citationEdges(targetsOf(papers));
    const citedByCount = new Map<string, number>();
    for (const e of edges) citedByCount.set(e.to, (citedByCount.get(e.to) ?? 0) + 1);
    return c.json({
      nodes: papers.map((p) => ({ id: p.id, title: p.displayTitle, year: p.year, authors: p.authors, citedByCount: citedByCount.get(p.id) ?? 0 })),
      edges,
    });
  });
