// annotations.md: a paper's highlights in reading order, each with its note and threads, then the
// paper-level threads. User text is escaped so no note or comment can become a link, an image,
// code, a heading or raw HTML in whatever renders the file.
import type { AnnotationDto, CommentDto } from "../../protocol/annotations";

/** Escapes one line of user text for inline Markdown. */
export function escapeInline(text: string): string {
  return (
    text
      // Backslash-escape every character CommonMark gives meaning to inline.
      .replace(/[\\`*_{}[\]()!|~]/g, "\\$&")
      // Entities rather than backslashes: renderers that pass HTML through still show text.
      .replace(/&(?=#?[a-z0-9]+;)/gi, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      // What would start a block at the beginning of a line: headings, lists, rules, quotes.
      .replace(/^(\s*)([#+\-=])/, "$1\\$2")
      .replace(/^(\s*\d+)([.)])/, "$1\\$2")
  );
}

/** Escapes multi-line user text, prefixing every line (for quotes and list continuations). */
export function escapeBlock(text: string, firstPrefix: string, restPrefix = firstPrefix): string {
  return text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line, i) => `${i === 0 ? firstPrefix : restPrefix}${escapeInline(line)}`.trimEnd())
    .join("\n");
}

export interface ExportInput {
  title: string;
  annotations: AnnotationDto[];
  comments: CommentDto[];
  names: Map<string, string>;
  exportedAt: string;
}

const day = (iso: string) => iso.slice(0, 10);

function thread(root: CommentDto, replies: CommentDto[], name: (id: string) => string): string[] {
  const lines: string[] = [];
  const head = (c: CommentDto) => `**${escapeInline(name(c.authorId))}** (${day(c.createdAt)}${c.editedAt ? ", edited" : ""}): `;
  const resolved = root.resolvedAt ? ` *(resolved${root.resolvedBy ? ` by ${escapeInline(name(root.resolvedBy))}` : ""})*` : "";
  lines.push(escapeBlock(root.body, `- ${head(root)}`, "  ") + resolved);
  for (const reply of replies) lines.push(escapeBlock(reply.body, `  - ${head(reply)}`, "    "));
  return lines;
}

export function renderAnnotationsMarkdown(input: ExportInput): string {
  const name = (id: string) => input.names.get(id) ?? "Former member";
  const roots = input.comments.filter((c) => c.parentId === null);
  const repliesOf = new Map<string, CommentDto[]>();
  for (const c of input.comments) {
    if (c.parentId !== null) repliesOf.set(c.parentId, [...(repliesOf.get(c.parentId) ?? []), c]);
  }
  const threadsOf = (annotationId: string | null) =>
    roots.filter((r) => r.annotationId === annotationId).flatMap((r) => thread(r, repliesOf.get(r.id) ?? [], name));

  const out: string[] = [`# ${escapeInline(input.title)}`, ""];
  out.push(
    `Annotations exported from Scrollkeeper on ${day(input.exportedAt)}: ${input.annotations.length} highlight${input.annotations.length === 1 ? "" : "s"}, ${input.comments.length} comment${input.comments.length === 1 ? "" : "s"}.`,
    "",
  );
  if (input.annotations.length > 0) out.push("## Highlights", "");
  for (const a of input.annotations) {
    out.push(`### Page ${a.page}`, "");
    out.push(a.quote.trim() ? escapeBlock(a.quote, "> ") : "> *(no text: an area of the page)*", "");
    if (a.note) out.push(escapeBlock(a.note, "**Note:** ", ""), "");
    out.push(`— ${escapeInline(name(a.authorId))}, page ${a.page}, ${a.color}`, "");
    const threads = threadsOf(a.id);
    if (threads.length > 0) out.push(...threads, "");
  }
  const paperThreads = threadsOf(null);
  if (paperThreads.length > 0) out.push("## Comments on the paper", "", ...paperThreads, "");
  return `${out.join("\n").trimEnd()}\n`;
}

/** A safe `Content-Disposition` for the export: an ASCII fallback plus the UTF-8 name. */
export function exportDisposition(title: string): string {
  const base = title.replace(/\.pdf$/i, "").replace(/[\u0000-\u001f\u007f"\\/:*?<>|]+/g, " ").replace(/\s+/g, " ").trim().slice(0, 100) || "paper";
  const filename = `${base} - annotations.md`;
  const ascii = filename.replace(/[^\x20-\x7e]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
