// The floor of a broadcast: GET /live joins the one room (Hibernation API, like ProjectRoom);
// POST /publish hands the body to the room over RPC, which sends it to every socket and answers.
import { DurableObject } from "cloudflare:workers";

interface Env {
  ECHO_ROOM: DurableObjectNamespace<EchoRoom>;
}

export class EchoRoom extends DurableObject<Env> {
  async fetch(request: Request): Promise<Response> {
    const pair = new WebSocketPair();
    this.ctx.acceptWebSocket(pair[1]);
    return new Response(null, { status: 101, webSocket: pair[0] });
  }

  async publish(text: string): Promise<number> {
    const sockets = this.ctx.getWebSockets();
    for (const ws of sockets) ws.send(text);
    return sockets.length;
  }

  webSocketMessage(ws: WebSocket, message: string | ArrayBuffer): void {
    ws.send(message); // an echo through the room's own code
  }
}

export default {
  async fetch(request, env) {
    const room = env.ECHO_ROOM.get(env.ECHO_ROOM.idFromName("bench"));
    const { pathname } = new URL(request.url);
    if (pathname === "/live" && request.headers.get("Upgrade") === "websocket") return room.fetch(request);
    if (pathname === "/publish" && request.method === "POST") {
      const sent = await room.publish(await request.text());
      return Response.json({ sent }, { status: 201 });
    }
    return new Response("not found", { status: 404 });
  },
} satisfies ExportedHandler<Env>;
