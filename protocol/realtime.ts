// The project WebSocket's frames (api.md §Realtime), shared by the worker, the ProjectRoom
// Durable Object and the client. Every frame a peer receives is safeParse'd against these.
import { z } from "zod";
import { Annotation, Comment } from "./annotations";
import { documentStatus, type DocumentDto } from "./documents";

/** Longest id we accept in a frame; ids are opaque but never large. */
const id = z.string().min(1).max(200);
const seq = z.number().int().nonnegative();

// ---- Durable events: carry `seq`, kept for replay ----------------------------------------

export const errorInfo = z.object({ code: z.string(), message: z.string() });

/** Checks only the id (the worker built the rest) while typing the payload as what it is. */
function withId<T extends { id: string }>(what: string) {
  const shape = z.looseObject({ id });
  return z.custom<T>((value) => shape.safeParse(value).success, { message: `Expected ${what} with an id.` });
}

/** The document object of §Documents. */
export const documentPayload = withId<DocumentDto>("a document");
/**
 * Annotations and comments go out whole, in every event including `*.deleted` (the last state,
 * with its version bumped past every earlier event), so clients apply them by id and version.
 */
export const annotationPayload = Annotation;
export const commentPayload = Comment;

const documentEventType = z.enum(["document.created", "document.updated", "document.deleted"]);
const annotationEventType = z.enum(["annotation.created", "annotation.updated", "annotation.deleted"]);
const commentEventType = z.enum(["comment.created", "comment.updated", "comment.deleted"]);

const count = z.number().int().nonnegative();

/** An event as a publisher hands it to the room, before it has a `seq`. */
export const DurableEventInput = z.discriminatedUnion("type", [
  z.object({ type: documentEventType, document: documentPayload }),
  z.object({
    type: z.literal("document.status"),
    documentId: id,
    status: documentStatus,
    // `total` is unknown until the parser has opened the file.
    progress: z.object({ pages: count, total: count.nullable() }),
    error: errorInfo.nullable(),
  }),
  z.object({ type: annotationEventType, annotation: annotationPayload }),
  z.object({ type: commentEventType, comment: commentPayload }),
]);

export type DurableEventInput = z.infer<typeof DurableEventInput>;
export type DurableEventType = DurableEventInput["type"];

/** The same events as sent on the wire, numbered. */
export const DurableEvent = DurableEventInput.and(z.object({ seq }));
export type DurableEvent = z.infer<typeof DurableEvent>;

// ---- Ephemeral frames: no `seq` ----------------------------------------------------------

export const PresenceUser = z.object({
  userId: id,
  name: z.string(),
  documentId: id.nullable(),
  page: z.number().int().positive().nullable(),
});
export type PresenceUser = z.infer<typeof PresenceUser>;

export const HelloFrame = z.object({ type: z.literal("hello"), seq, userId: id, presence: z.array(PresenceUser) });
export const PresenceFrame = z.object({ type: z.literal("presence"), users: z.array(PresenceUser) });
export const ResyncFrame = z.object({ type: z.literal("resync") });
export const ErrorFrame = z.object({ type: z.literal("error"), code: z.string(), message: z.string() });
export const PongFrame = z.object({ type: z.literal("pong") });

export const ServerMessage = z.union([HelloFrame, PresenceFrame, ResyncFrame, ErrorFrame, PongFrame, DurableEvent]);
export type ServerMessage = z.infer<typeof ServerMessage>;

/**
 * Keep-alive. Sent byte for byte like this, the room answers without waking from hibernation;
 * any other spelling of a ping is still answered, just by the woken object.
 */
export const PING_FRAME = '{"type":"ping"}';
export const PONG_FRAME = '{"type":"pong"}';

// ---- Client → server ---------------------------------------------------------------------

export const ClientMessage = z.discriminatedUnion("type", [
  z.object({ type: z.literal("presence"), documentId: id.nullable(), page: z.number().int().positive().max(100_000).nullable() }),
  z.object({ type: z.literal("resume"), afterSeq: seq }),
  z.object({ type: z.literal("ping") }),
]);
export type ClientMessage = z.infer<typeof ClientMessage>;

/** Frames larger than this are refused before parsing. */
export const MAX_CLIENT_FRAME_BYTES = 4096;

/** Error codes of the `error` frame. */
export type RealtimeErrorCode = "invalid_json" | "invalid_message" | "frame_too_large" | "rate_limited";

export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
