// A project WebSocket opened through the worker, as a member would.
import { exports } from "cloudflare:workers";
import { expect } from "vitest";
import { LiveSocket } from "./live-socket";
import { BASE, type TestClient } from "./client";

export { LiveSocket } from "./live-socket";

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
