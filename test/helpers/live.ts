// A project WebSocket opened through the worker, whose frames a test can await.
import { exports } from "cloudflare:workers";
import { expect } from "vitest";
import { ServerMessage } from "../../protocol/realtime";
import { BASE, type TestClient } from "./client";

const WAIT_MS = 3000;

export class LiveSocket {
  private readonly inbox: ServerMessage[] = [];
  private readonly waiters: ((m: ServerMessage) => void)[] = [];

  constructor(readonly ws: WebSocket) {
    ws.accept();
    ws.addEventListener("message", (event) => {
      const parsed = ServerMessage.safeParse(JSON.parse(String(event.data)));
      if (!parsed.success) throw new Error(`server sent an invalid frame: ${String(event.data)}`);
      const waiter = this.waiters.shift();
      if (waiter) waiter(parsed.data);
      else this.inbox.push(parsed.data);
    });
  }

  next(ms = WAIT_MS): Promise<ServerMessage> {
    const queued = this.inbox.shift();
    if (queued) return Promise.resolve(queued);
    let timer: ReturnType<typeof setTimeout> | undefined;
    return Promise.race([
      new Promise<ServerMessage>((resolve) => this.waiters.push(resolve)),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no frame arrived within ${ms} ms`)), ms);
      }),
    ]).finally(() => {
      if (timer !== undefined) clearTimeout(timer);
    });
  }

  /** Durable events (no presence) until a pong: everything the room sent before the ping. */
  async eventsUntilPong(): Promise<ServerMessage[]> {
    // Not byte-exact PING_FRAME, so the room itself answers, in order after earlier frames.
    this.ws.send('{ "type": "ping" }');
    const seen: ServerMessage[] = [];
    for (;;) {
      const frame = await this.next();
      if (frame.type === "pong") return seen;
      if (frame.type !== "presence") seen.push(frame);
    }
  }

  send(frame: unknown): void {
    this.ws.send(JSON.stringify(frame));
  }
}

export async function connectLive(client: TestClient, projectId: string) {
  const headers = new Headers({ Upgrade: "websocket", "CF-Connecting-IP": client.ip });
  if (client.cookie) headers.set("Cookie", client.cookie);
  if (client.origin) headers.set("Origin", client.origin);
  const res = await exports.default.fetch(new Request(`${BASE}/api/projects/${projectId}/live`, { headers }));
  expect(res.status).toBe(101);
  const socket = new LiveSocket(res.webSocket!);
  let hello = await socket.next();
  while (hello.type !== "hello") hello = await socket.next();
  return { socket, seq: hello.seq };
}
