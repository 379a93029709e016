// How much discussion each paper of the project has, for the library's at-a-glance column:
// highlights, comments, threads still open, and when anyone last wrote. One grouped read over
// the room's annotations and comments; papers without any are left out.
import type { DiscussionCountDto } from "../protocol/annotations";
import type { Sql } from "./room-storage";

type Row = {
  document_id: string;
  highlights: number;
  comments: number;
  open_threads: number;
  last_at: string;
};

export function discussionCounts(sql: Sql): DiscussionCountDto[] {
  const rows = sql.exec<Row>(
    `SELECT document_id,
            SUM(kind = 'a') AS highlights,
            SUM(kind = 'c') AS comments,
            SUM(open_root) AS open_threads,
            MAX(at) AS last_at
       FROM (SELECT document_id, 'a' AS kind, 0 AS open_root, updated_at AS at FROM annotations
             UNION ALL
             SELECT document_id, 'c', parent_id IS NULL AND resolved_at IS NULL, COALESCE(edited_at, created_at) FROM comments)
      GROUP BY document_id
      ORDER BY document_id`,
  );
  return rows.toArray().map((r) => ({
    documentId: r.document_id,
    highlights: r.highlights,
    comments: r.comments,
    openThreads: r.open_threads,
    lastActivityAt: r.last_at,
  }));
}
