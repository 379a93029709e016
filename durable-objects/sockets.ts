// The room's sockets: who a connecting socket belongs to, per-user caps, and sending frames.
// Sockets and their attachments are the state; both survive hibernation.
import type { ServerMessage } from "../protocol/realtime";
import { isAttachment, type SocketAttachment } from "./presence";

/** Set by the worker after its access check; the room is not reachable from outside. */
export const USER_ID_HEADER = "X-SK-User-Id";
/** URI-encoded: header values are bytes, names are not. */
export const USER_NAME_HEADER = "X-SK-User-Name";
/** Open sockets one user may hold in one project (tabs, devices). */
export const MAX_SOCKETS_PER_USER = 10;

export interface Identity {
  userId: string;
  name: string;
}

export function readIdentity(headers: Headers): Identity | null {
  const userId = headers.get(USER_ID_HEADER);
  const rawName = headers.get(USER_NAME_HEADER);
  if (!userId || rawName === null) return null;
  try {
    return { userId, name: decodeURIComponent(rawName) };
  } catch {
    return null;
  }
}

export function identityHeaders(identity: Identity): Record<string, string> {
  return { [USER_ID_HEADER]: identity.userId, [USER_NAME_HEADER]: encodeURIComponent(identity.name) };
}

export const userTag = (userId: string) => `user:${userId}`;

const OPEN = 1;

/** Sockets still open: a closing one may linger in getWebSockets() during its close handler. */
export function openSockets(ctx: DurableObjectState, tag?: string): WebSocket[] {
  return ctx.getWebSockets(tag).filter((ws) => ws.readyState === OPEN);
}

export function attachmentOf(ws: WebSocket): SocketAttachment | null {
  const value: unknown = ws.deserializeAttachment();
  return isAttachment(value) ? value : null;
}

export function send(ws: WebSocket, frame: ServerMessage): void {
  sendRaw(ws, JSON.stringify(frame));
}

/** Serialises once for every socket. */
export function broadcast(sockets: Iterable<WebSocket>, frame: ServerMessage): void {
  const text = JSON.stringify(frame);
  for (const ws of sockets) sendRaw(ws, text);
}

function sendRaw(ws: WebSocket, text: string): void {
  try {
    ws.send(text);
  } catch {
    // A socket that died between listing and sending: its close handler cleans up.
  }
}
