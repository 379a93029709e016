// Serving a stored PDF: Range (206), a strong ETag from the content hash (304 on a match),
// a safe Content-Disposition and nosniff. Called only after the project access check, and
// the edge cache key is per document, so the cache can never serve a non-member.
import type { DocumentRow } from "./dto";

function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `inline; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

interface ByteRange {
  offset: number;
  length: number;
}

/** Parses a single "bytes=a-b" / "bytes=a-" / "bytes=-n" range; null means "whole file". */
export function parseRange(header: string | undefined, size: number): ByteRange | null | "unsatisfiable" {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === "" && match[2] === "")) return null; // multi-range or junk: send it all
  if (match[1] === "") {
    const suffix = Math.min(Number(match[2]), size);
    return suffix === 0 ? "unsatisfiable" : { offset: size - suffix, length: suffix };
  }
  const start = Number(match[1]);
  const end = match[2] === "" ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (start >= size || end < start) return "unsatisfiable";
  return { offset: start, length: end - start + 1 };
}

/** Whole files up to this size are kept in the edge cache; bigger ones stream from R2. */
const MAX_CACHED_BYTES = 50 * 1024 * 1024;

/**
 * The edge-cache key of a file. It is only ever looked up after the project access check,
 * and it names the exact bytes (sha256), so a replaced or deleted paper is never served.
 */
function cacheKey(doc: DocumentRow): string {
  return `https://file-cache.scrollkeeper.internal/${doc.projectId}/${doc.id}/${doc.sha256}`;
}

export async function serveDocumentFile(bucket: R2Bucket, doc: DocumentRow, request: Request, waitUntil: (p: Promise<unknown>) => void): Promise<Response> {
  const etag = `"${doc.sha256}"`;
  const headers = new Headers({
    "Content-Type": "application/pdf",
    ETag: etag,
    "Accept-Ranges": "bytes",
    "Content-Disposition": contentDisposition(doc.filename),
    "X-Content-Type-Options": "nosniff",
    // Private: a shared cache must never hand one member's copy to someone else.
    "Cache-Control": "private, max-age=3600",
  });
  const inm = request.headers.get("If-None-Match");
  if (inm && inm.split(",").some((t) => t.trim() === etag || t.trim() === "*")) {
    return new Response(null, { status: 304, headers });
  }
  const range = parseRange(request.headers.get("Range") ?? undefined, doc.size);
  if (range === "unsatisfiable") {
    headers.set("Content-Range", `bytes */${doc.size}`);
    return new Response(null, { status: 416, headers });
  }
  const cache = (caches as unknown as { default: Cache }).default;
  if (!range) {
    const hit = await cache.match(cacheKey(doc));
    if (hit?.body) {
      headers.set("Content-Length", String(doc.size));
      return new Response(hit.body, { status: 200, headers });
    }
  }
  const object = await bucket.get(doc.r2Key, range ? { range } : undefined);
  if (!object) return Response.json({ error: { code: "file_missing", message: "The file of this paper is missing from storage." } }, { status: 404 });
  if (range) {
    headers.set("Content-Range", `bytes ${range.offset}-${range.offset + range.length - 1}/${doc.size}`);
    headers.set("Content-Length", String(range.length));
    return new Response(object.body, { status: 206, headers });
  }
  headers.set("Content-Length", String(doc.size));
  if (doc.size > MAX_CACHED_BYTES) return new Response(object.body, { status: 200, headers });
  const [toClient, toCache] = object.body.tee();
  const cached = new Response(toCache, { headers: { "Content-Type": "application/pdf", "Content-Length": String(doc.size), "Cache-Control": "public, max-age=604800, immutable" } });
  waitUntil(cache.put(cacheKey(doc), cached).catch(() => undefined));
  return new Response(toClient, { status: 200, headers });
}
