// Annotations (highlights) and comment threads of api.md §Annotations and comments: the objects
// as they go out, and the request shapes that change them. Shared by the worker (validation),
// the ProjectRoom (what it stores and broadcasts) and the client (forms, realtime).
import { z } from "zod";

/** Longest id we accept; ids are opaque but never large. */
const id = z.string().min(1).max(200);
/**
 * An id the client picks for what it creates, so a create it sends again after a dropped answer
 * is recognised instead of stored twice (docs/api-extensions.md §Idempotent creates).
 */
const clientId = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, { message: "id must be 16–64 letters, digits, '-' or '_'." });
const iso = z.string().max(40);

export const HIGHLIGHT_COLORS = ["yellow", "green", "blue", "pink", "purple"] as const;
export const highlightColor = z.enum(HIGHLIGHT_COLORS);
export type HighlightColor = z.infer<typeof highlightColor>;

export const MAX_QUOTE_CHARS = 5_000;
export const MAX_CONTEXT_CHARS = 200;
export const MAX_NOTE_CHARS = 10_000;
export const MAX_COMMENT_CHARS = 10_000;
export const MAX_RECTS = 200;
/** Far beyond any real paper; the document's own pageCount is checked when known. */
export const MAX_PAGE = 100_000;

const fraction = z.number().min(0).max(1);
/** A rectangle in page-relative units: fractions of the page's width and height, origin top-left. */
export const rect = z.object({ x: fraction, y: fraction, w: fraction, h: fraction }).strict();
export type Rect = z.infer<typeof rect>;

const page = z.number().int().min(1).max(MAX_PAGE);
const quote = z.string().max(MAX_QUOTE_CHARS);
const context = z.string().max(MAX_CONTEXT_CHARS);
const note = z.string().max(MAX_NOTE_CHARS);
const version = z.number().int().min(1);

// ---- objects ---------------------------------------------------------------------------

export const Annotation = z.object({
  id,
  documentId: id,
  page,
  quote,
  prefix: context,
  suffix: context,
  rects: z.array(rect).min(1).max(MAX_RECTS),
  color: highlightColor,
  /** null when the highlight has no note. */
  note: note.nullable(),
  authorId: id,
  createdAt: iso,
  updatedAt: iso,
  version,
});
export type AnnotationDto = z.infer<typeof Annotation>;

export const Comment = z.object({
  id,
  documentId: id,
  /** The highlight the thread hangs on; null for a thread on the paper itself. */
  annotationId: id.nullable(),
  /** The thread root this is a reply to; null for a root. Replies never nest deeper. */
  parentId: id.nullable(),
  body: z.string().min(1).max(MAX_COMMENT_CHARS),
  authorId: id,
  createdAt: iso,
  editedAt: iso.nullable(),
  version,
  /** Set on a thread root while the thread is resolved; always null on replies. */
  resolvedAt: iso.nullable(),
  resolvedBy: id.nullable(),
});
export type CommentDto = z.infer<typeof Comment>;

/** HTTP responses add the author's display name (realtime events carry only authorId). */
export type WithAuthorName<T> = T & { authorName: string | null };

// ---- requests --------------------------------------------------------------------------

const trimmedNote = z
  .string()
  .max(MAX_NOTE_CHARS, { message: `Keep notes under ${MAX_NOTE_CHARS} characters.` })
  .transform((s) => (s.trim() === "" ? null : s))
  .nullable();

export const annotationCreateBody = z
  .object({
    page,
    quote: quote.default(""),
    prefix: context.default(""),
    suffix: context.default(""),
    rects: z.array(rect).min(1, { message: "A highlight needs at least one rectangle." }).max(MAX_RECTS),
    color: highlightColor.default("yellow"),
    note: trimmedNote.optional().transform((v) => v ?? null),
    id: clientId.optional(),
  })
  .strict();
export type AnnotationCreate = z.infer<typeof annotationCreateBody>;

/** What an edit may change; anchoring (page, quote, rects) is fixed once created. */
export const annotationPatchBody = z
  .object({
    version,
    color: highlightColor.optional(),
    note: trimmedNote.optional(),
  })
  .strict();
export type AnnotationPatch = Omit<z.infer<typeof annotationPatchBody>, "version">;

const commentBody = z
  .string()
  .max(MAX_COMMENT_CHARS, { message: `Keep comments under ${MAX_COMMENT_CHARS} characters.` })
  .refine((s) => s.trim().length > 0, { message: "Write something first." });

export const commentCreateBody = z
  .object({
    body: commentBody,
    annotationId: id.nullable().optional(),
    parentId: id.nullable().optional(),
    id: clientId.optional(),
  })
  .strict();

export const commentPatchBody = z
  .object({
    body: commentBody,
    /** Optional: when given and stale, the edit is refused with 409 and the current comment. */
    version: version.optional(),
  })
  .strict();

export const annotationListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(400).optional(),
});

export const commentListQuery = annotationListQuery.extend({
  /** Only the threads on this highlight; `none` for the paper-level threads. */
  annotationId: z.string().min(1).max(200).optional(),
});

/** One paper's discussion at a glance (GET /api/projects/:id/discussion; docs/api-extensions.md). */
export interface DiscussionCountDto {
  documentId: string;
  highlights: number;
  comments: number;
  /** Thread roots (on a highlight or on the paper) not resolved. */
  openThreads: number;
  /** ISO time of the newest highlight, highlight edit, comment or comment edit. */
  lastActivityAt: string;
}
