// What each client frame does. Every frame is size-checked, parsed and validated before it
// can touch the room; a bad one earns an `error` frame and the socket stays open.
import { assertNever, ClientMessage, MAX_CLIENT_FRAME_BYTES, type RealtimeErrorCode } from "../protocol/realtime";
import type { FrameLimiter } from "./frame-limit";
import { moveTo } from "./presence";
import { eventsAfter } from "./room-events";
import type { Sql } from "./room-storage";
import { attachmentOf, send } from "./sockets";

/** What a frame handler may touch in the room. */
export interface RoomContext {
  sql: Sql;
  now: () => number;
  /** Asks for a (coalesced) presence broadcast. */
  presenceChanged: () => void;
  limiter: FrameLimiter;
}

function refuse(ws: WebSocket, code: RealtimeErrorCode, message: string): void {
  send(ws, { type: "error", code, message });
}

export function parseFrame(raw: string | ArrayBuffer): { ok: true; message: ClientMessage } | { ok: false; code: RealtimeErrorCode; message: string } {
  if (typeof raw !== "string") return { ok: false, code: "invalid_message", message: "Frames must be JSON text, not binary." };
  if (raw.length > MAX_CLIENT_FRAME_BYTES) return { ok: false, code: "frame_too_large", message: `Frames must be under ${MAX_CLIENT_FRAME_BYTES} bytes.` };
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { ok: false, code: "invalid_json", message: "The frame is not valid JSON." };
  }
  const parsed = ClientMessage.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` (${issue.path.join(".")})` : "";
    return { ok: false, code: "invalid_message", message: `The frame is not a message this server understands${where}: ${issue?.message ?? "invalid"}.` };
  }
  return { ok: true, message: parsed.data };
}

export function handleFrame(room: RoomContext, ws: WebSocket, raw: string | ArrayBuffer): void {
  if (!room.limiter.take(ws, room.now())) {
    return refuse(ws, "rate_limited", "Too many messages on this connection; this one was dropped. Slow down.");
  }
  const parsed = parseFrame(raw);
  if (!parsed.ok) return refuse(ws, parsed.code, parsed.message);
  const message = parsed.message;
  switch (message.type) {
    case "presence":
      return onPresence(room, ws, message.documentId, message.page);
    case "resume":
      return onResume(room, ws, message.afterSeq);
    case "ping":
      return send(ws, { type: "pong" });
    default:
      return assertNever(message);
  }
}

function onPresence(room: RoomContext, ws: WebSocket, documentId: string | null, page: number | null): void {
  const current = attachmentOf(ws);
  if (!current) return;
  const next = moveTo(current, documentId, page, room.now());
  if (!next) return;
  ws.serializeAttachment(next);
  room.presenceChanged();
}

function onResume(room: RoomContext, ws: WebSocket, afterSeq: number): void {
  // Events after this socket's hello already reached it live; replay only what came before.
  const joinedSeq = attachmentOf(ws)?.joinedSeq;
  const result = eventsAfter(room.sql, afterSeq, joinedSeq);
  if (result.kind === "resync") return send(ws, { type: "resync" });
  for (const event of result.events) send(ws, event);
}
