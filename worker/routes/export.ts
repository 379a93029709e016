// §Export: the project's papers as BibTeX and CSL-JSON. Mounted at /api/projects/:projectId
// behind the project access check; any member may export (it is a read).
import { and, asc, eq, isNotNull, or } from "drizzle-orm";
import { Hono } from "hono";
import { exportQuery } from "../../protocol/documents";
import type { AppEnv } from "../context";
import type { Db } from "../db/client";
import { documents, projects } from "../db/schema";
import { notFound } from "../errors";
import { validate } from "../middleware/validate";
import { toBibtex, type ExportDoc } from "../export/bibtex";
import { assignCitekeys } from "../export/citekeys";
import { toCsl } from "../export/csl";
import { asciiFold } from "../export/names";

/**
 * Every paper that can be cited: parsed, or titled by hand (while its parse waits or failed).
 * Keys are assigned over all of them, so a subset (?ids=) carries the same keys as the whole.
 */
async function citable(db: Db, projectId: string, ids: string[] | null) {
  const found = await db
    .select({
      id: documents.id,
      createdAt: documents.createdAt,
      title: documents.title,
      authors: documents.authors,
      year: documents.year,
      filename: documents.filename,
      doi: documents.doi,
      arxivId: documents.arxivId,
      abstract: documents.abstract,
      tags: documents.tags,
      status: documents.status,
      editedFields: documents.editedFields,
    })
    .from(documents)
    .where(and(eq(documents.projectId, projectId), or(eq(documents.status, "parsed"), isNotNull(documents.title))))
    .orderBy(asc(documents.createdAt), asc(documents.id))
    .all();
  const rows: ExportDoc[] = found.filter((r) => r.status === "parsed" || (r.title && r.editedFields.includes("title")));
  const keys = assignCitekeys(rows);
  const wanted = ids ? new Set(ids) : null;
  return { rows: wanted ? rows.filter((r) => wanted.has(r.id)) : rows, keys };
}

/** attachment; filename="Reading-group.bib"; filename*=UTF-8''Reading%20group.bib */
async function attachment(db: Db, projectId: string, extension: string): Promise<string> {
  const project = await db.select({ name: projects.name }).from(projects).where(eq(projects.id, projectId)).get();
  if (!project) throw notFound("project");
  const name = project.name.replace(/[\u0000-\u001f\u007f/\\]+/g, " ").trim() || "library";
  const ascii = name.split(/\s+/).map(asciiFold).filter(Boolean).join("-") || "library";
  return `attachment; filename="${ascii}.${extension}"; filename*=UTF-8''${encodeURIComponent(`${name}.${extension}`)}`;
}

export const exportRoutes = new Hono<AppEnv>()
  .get("/export.bib", validate("query", exportQuery), async (c) => {
    const projectId = c.req.param("projectId")!;
    const { rows, keys } = await citable(c.var.db, projectId, c.req.valid("query").ids);
    return c.body(toBibtex(rows, keys), 200, {
      "Content-Type": "application/x-bibtex; charset=utf-8",
      "Content-Disposition": await attachment(c.var.db, projectId, "bib"),
      "Cache-Control": "no-store",
    });
  })

  .get("/export.json", validate("query", exportQuery), async (c) => {
    const projectId = c.req.param("projectId")!;
    const { rows, keys } = await citable(c.var.db, projectId, c.req.valid("query").ids);
    return c.body(JSON.stringify(toCsl(rows, keys), null, 2), 200, {
      "Content-Type": "application/vnd.citationstyles.csl+json; charset=utf-8",
      "Content-Disposition": await attachment(c.var.db, projectId, "json"),
      "Cache-Control": "no-store",
    });
  });
