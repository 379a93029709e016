import { DurableObject } from "cloudflare:workers";
import { compileQuery } from "../../protocol/search-query";
import { createSearchTables, indexMeta, indexPages, search } from "../../durable-objects/search-index";

interface BenchDoc {
  id: string;
  title: string;
  authors: string[];
  abstract: string;
  pages: string[];
}

interface Env {
  SEARCH_BENCH: DurableObjectNamespace<SearchBench>;
}

// One project's room, reduced to what search needs: the `pages` table (as room-storage's
// migration 1 creates it) and the real search tables and functions.
export class SearchBench extends DurableObject<Env> {
  private ids: string[] = [];

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    const sql = ctx.storage.sql;
    sql.exec(`CREATE TABLE IF NOT EXISTS pages (
      document_id TEXT NOT NULL, page INTEGER NOT NULL, text TEXT NOT NULL,
      PRIMARY KEY (document_id, page)) WITHOUT ROWID`);
    createSearchTables(sql);
    this.ids = sql.exec<{ document_id: string }>("SELECT document_id FROM search_docs ORDER BY num").toArray().map((r) => r.document_id);
  }

  /** Stores and indexes the documents; times the pages-table writes and the index writes apart. */
  load(docs: BenchDoc[]): { storeMs: number; indexMs: number; pages: number; documents: number; dbBytes: number } {
    const sql = this.ctx.storage.sql;
    let storeMs = 0;
    let indexMs = 0;
    let pages = 0;
    for (const doc of docs) {
      const rows = doc.pages.map((text, i) => ({ page: i + 1, text }));
      let t = performance.now();
      for (const r of rows) sql.exec("INSERT OR REPLACE INTO pages (document_id, page, text) VALUES (?, ?, ?)", doc.id, r.page, r.text);
      storeMs += performance.now() - t;
      t = performance.now();
      indexPages(sql, doc.id, rows);
      indexMeta(sql, doc.id, { title: doc.title, authors: doc.authors, abstract: doc.abstract });
      indexMs += performance.now() - t;
      pages += rows.length;
      this.ids.push(doc.id);
    }
    return { storeMs, indexMs, pages, documents: this.ids.length, dbBytes: sql.databaseSize };
  }

  /** Runs each query `runs` times, alternating ours and bare, timed inside the object. */
  run(queries: string[], runs: number): { q: string; ours: number[]; bare: number[]; bareHl: number[]; hits: number; bareHits: number }[] {
    const sql = this.ctx.storage.sql;
    return queries.map((q) => {
      const compiled = compileQuery(q);
      const ours: number[] = [];
      const bare: number[] = [];
      const bareHl: number[] = [];
      let hits = 0;
      let bareHits = 0;
      for (let i = 0; i < runs; i++) {
        let t = performance.now();
        // As worker/routes/search.ts calls it: every parsed paper allowed, limit 50.
        hits = search(sql, { match: compiled.match, likeTerms: compiled.likeTerms, documentIds: this.ids, limit: 50 }).length;
        ours.push(performance.now() - t);
        t = performance.now();
        bareHits = compiled.match
          ? sql.exec("SELECT rowid FROM pages_fts WHERE pages_fts MATCH ? ORDER BY rank LIMIT 50", compiled.match).toArray().length
          : // No term long enough for trigrams: the bare equivalent is a LIKE scan.
            sql.exec("SELECT rowid FROM pages_fts WHERE text LIKE ? LIMIT 50", `%${compiled.likeTerms[0] ?? ""}%`).toArray().length;
        bare.push(performance.now() - t);
        // For reference: the bare query plus the highlight() that snippets need.
        t = performance.now();
        if (compiled.match) {
          sql.exec("SELECT rowid, highlight(pages_fts, 0, '[', ']') FROM pages_fts WHERE pages_fts MATCH ? ORDER BY rank LIMIT 50", compiled.match).toArray();
        } else {
          sql.exec("SELECT rowid, text FROM pages_fts WHERE text LIKE ? LIMIT 50", `%${compiled.likeTerms[0] ?? ""}%`).toArray();
        }
        bareHl.push(performance.now() - t);
      }
      return { q, ours, bare, bareHl, hits, bareHits };
    });
  }

  stats(): { documents: number; pages: number; dbBytes: number } {
    const sql = this.ctx.storage.sql;
    const pages = sql.exec<{ n: number }>("SELECT count(*) AS n FROM pages").one().n;
    return { documents: this.ids.length, pages, dbBytes: sql.databaseSize };
  }
}

// POST /load (JSON BenchDoc[]), POST /run ({ queries, runs }), GET /stats — all on one object.
export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const room = env.SEARCH_BENCH.get(env.SEARCH_BENCH.idFromName(new URL(request.url).searchParams.get("room") ?? "bench"));
    const path = new URL(request.url).pathname;
    if (path === "/load") return Response.json(await room.load(await request.json<BenchDoc[]>()));
    if (path === "/run") {
      const { queries, runs } = await request.json<{ queries: string[]; runs: number }>();
      return Response.json(await room.run(queries, runs));
    }
    if (path === "/stats") return Response.json(await room.stats());
    return new Response("not found", { status: 404 });
  },
} satisfies ExportedHandler<Env>;
