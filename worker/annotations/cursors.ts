// Opaque list cursors for highlights (reading-order position) and comments (creation order).
import { z } from "zod";
import type { AnnotationCursor } from "../../durable-objects/annotations";
import { badRequest } from "../errors";

const annotationCursor = z.tuple([z.number().int().min(1), z.number(), z.number(), z.number().int()]);
const commentCursor = z.tuple([z.number().int().min(0)]);

const encode = (value: unknown) => btoa(JSON.stringify(value)).replaceAll("=", "");

function decode<T>(schema: z.ZodType<T>, value: string | undefined): T | null {
  if (!value) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(atob(value)));
    if (parsed.success) return parsed.data;
  } catch {
    // fall through to the error below
  }
  throw badRequest("invalid_cursor", "The cursor is not valid; start again without it.");
}

export const encodeAnnotationCursor = (cursor: readonly number[] | null) => (cursor ? encode(cursor) : null);
export const decodeAnnotationCursor = (value: string | undefined): AnnotationCursor | null => decode(annotationCursor, value);
export const encodeCommentCursor = (ord: number | null) => (ord === null ? null : encode([ord]));
export const decodeCommentCursor = (value: string | undefined): number => decode(commentCursor, value)?.[0] ?? 0;
