// The project's live WebSocket (api.md §Realtime): one socket per open project, shared by
// every view of that project (library, reader).
//
//   const live = useLive(() => params.projectId);          // in a component; released on cleanup
//   live()?.subscribe("document.status", (e) => …);        // typed by frame type; returns unsubscribe
//   live()?.subscribe("*", (frame) => …);                  // every frame
//   live()?.subscribe("resync", () => refetch());          // missed events are gone: reload your data
//   live()?.sendPresence(documentId, page);                // where I am reading (null, null = nowhere)
//   live()?.connection();  // "connecting" | "open" | "reconnecting" (signal)
//   live()?.presence();    // PresenceUser[] of everyone connected (signal)
//   live()?.userId();      // my user id, from hello (signal)
//   useLiveEvent(live, "annotation.created", (e) => …);   // subscribe for the component's lifetime
//
// Outside components, acquireLive(projectId) returns the same connection; call release() when done.
// Behind it: reconnect with exponential backoff and jitter, `resume` with the last seq seen,
// durable events with seq ≤ last seen are dropped (so handlers see each event once), a ping
// every 25 s (a socket silent for two rounds is replaced), the socket dropped at once when the
// browser goes offline and reopened when it is back online.
import { createSignal, onCleanup, type Accessor, createEffect, on } from "solid-js";
import { PING_FRAME, ServerMessage, type ClientMessage, type PresenceUser } from "../../protocol/realtime";

export type { PresenceUser, ServerMessage };
export type ConnectionState = "connecting" | "open" | "reconnecting";
export type FrameType = ServerMessage["type"];
export type FrameOf<T extends FrameType> = Extract<ServerMessage, { type: T }>;
type Handler = (frame: ServerMessage) => void;

export interface LiveConnection {
  readonly projectId: string;
  connection: Accessor<ConnectionState>;
  presence: Accessor<PresenceUser[]>;
  userId: Accessor<string | null>;
  subscribe<T extends FrameType | "*">(type: T, handler: (frame: T extends FrameType ? FrameOf<T> : ServerMessage) => void): () => void;
  sendPresence(documentId: string | null, page: number | null): void;
  release(): void;
}

const PING_MS = 25_000;
const BACKOFF_BASE_MS = 500;
const BACKOFF_MAX_MS = 15_000;
/** Keep a released socket a moment, so going from the library to the reader reuses it. */
const LINGER_MS = 3_000;

const open = new Map<string, Room>();

class Room {
  refs = 0;
  ws: WebSocket | null = null;
  /** Highest durable seq applied; null before the first hello. */
  lastSeq: number | null = null;
  /** After a reconnect, the resumed events (cursor, upTo] arrive in order, interleaved with live ones. */
  replay: { upTo: number; cursor: number } | null = null;
  attempt = 0;
  handlers = new Map<string, Set<Handler>>();
  presenceWanted: ClientMessage | null = null;
  timers = { ping: 0, retry: 0, linger: 0 };
  closed = false;
  heardAt = Date.now();
  state = createSignal<ConnectionState>("connecting");
  presence = createSignal<PresenceUser[]>([]);
  me = createSignal<string | null>(null);

  constructor(readonly projectId: string) {
    window.addEventListener("online", this.onOnline);
    window.addEventListener("offline", this.onOffline);
    this.connect();
  }

  /** The socket cannot work offline, though the browser may not notice for minutes. */
  onOffline = () => this.drop();

  onOnline = () => {
    if (this.ws?.readyState === WebSocket.OPEN) return;
    this.attempt = 0;
    this.connect();
  };

  connect() {
    clearTimeout(this.timers.retry);
    if (this.closed) return;
    this.ws?.close();
    const scheme = location.protocol === "https:" ? "wss:" : "ws:";
    const ws = new WebSocket(`${scheme}//${location.host}/api/projects/${encodeURIComponent(this.projectId)}/live`);
    this.ws = ws;
    this.heardAt = Date.now();
    ws.onmessage = (event) => {
      try {
        this.receive(event.data);
      } catch {
        // not JSON: ignore the frame
      }
    };
    ws.onclose = () => this.ws === ws && this.lost();
  }

  /** Gives up the current socket now (without waiting for a close handshake) and reconnects. */
  drop() {
    const ws = this.ws;
    if (!ws) return;
    ws.onclose = null;
    ws.onmessage = null;
    ws.close();
    this.lost();
  }

  lost() {
    this.ws = null;
    clearInterval(this.timers.ping);
    clearTimeout(this.timers.retry);
    if (this.closed) return;
    this.state[1]("reconnecting");
    // Offline: wait for the "online" event rather than burning attempts.
    if (!navigator.onLine) return;
    const delay = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** this.attempt++);
    this.timers.retry = window.setTimeout(() => this.connect(), delay / 2 + Math.random() * (delay / 2));
  }

  /** Pings; a socket that has said nothing (not even pong) for two rounds is dead: replace it. */
  keepAlive() {
    if (this.ws?.readyState !== WebSocket.OPEN) return;
    if (Date.now() - this.heardAt > PING_MS * 2 + 5_000) return this.drop();
    this.ws.send(PING_FRAME);
  }

  receive(data: unknown) {
    this.heardAt = Date.now();
    if (typeof data !== "string") return;
    const parsed = ServerMessage.safeParse(JSON.parse(data));
    if (!parsed.success) return;
    const frame = parsed.data;
    if (frame.type === "hello") {
      this.attempt = 0;
      this.me[1](frame.userId);
      this.presence[1](frame.presence);
      const seen = this.lastSeq;
      // Events after the hello's seq arrive live; the ones we missed before it come by resume.
      this.lastSeq = frame.seq;
      this.replay = null;
      if (seen !== null && frame.seq > seen) {
        this.replay = { upTo: frame.seq, cursor: seen };
        this.send({ type: "resume", afterSeq: seen });
      } else if (seen !== null && frame.seq < seen) {
        // The room's log was reset: nothing can be replayed.
        this.emit({ type: "resync" });
      }
      if (this.presenceWanted) this.send(this.presenceWanted);
      clearInterval(this.timers.ping);
      this.timers.ping = window.setInterval(() => this.keepAlive(), PING_MS);
      this.state[1]("open");
    } else if (frame.type === "presence") {
      this.presence[1](frame.users);
    } else if ("seq" in frame) {
      const r = this.replay;
      if (r && frame.seq > r.cursor && frame.seq <= r.upTo) r.cursor = frame.seq;
      else if (this.lastSeq === null || frame.seq > this.lastSeq) this.lastSeq = frame.seq;
      else return; // already seen
    } else if (frame.type === "resync") {
      this.replay = null;
    }
    this.emit(frame);
  }

  emit(frame: ServerMessage) {
    for (const key of [frame.type, "*"]) {
      // A failing handler must not starve the others: its error is reported asynchronously.
      for (const handler of this.handlers.get(key) ?? []) queueMicrotask(() => handler(frame));
    }
  }

  send(message: ClientMessage) {
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(message));
  }

  close() {
    this.closed = true;
    window.removeEventListener("online", this.onOnline);
    window.removeEventListener("offline", this.onOffline);
    clearInterval(this.timers.ping);
    clearTimeout(this.timers.retry);
    this.ws?.close(1000);
    this.ws = null;
    open.delete(this.projectId);
  }

  handle(): LiveConnection {
    let released = false;
    return {
      projectId: this.projectId,
      connection: this.state[0],
      presence: this.presence[0],
      userId: this.me[0],
      subscribe: (type, handler) => {
        const set = this.handlers.get(type) ?? new Set<Handler>();
        this.handlers.set(type, set);
        set.add(handler as Handler);
        return () => set.delete(handler as Handler);
      },
      sendPresence: (documentId, page) => {
        this.presenceWanted = { type: "presence", documentId, page };
        this.send(this.presenceWanted);
      },
      release: () => {
        if (released) return;
        released = true;
        if (--this.refs > 0) return;
        this.timers.linger = window.setTimeout(() => this.refs === 0 && this.close(), LINGER_MS);
      },
    };
  }
}

/** The project's connection (opened on first use); call release() when you no longer need it. */
export function acquireLive(projectId: string): LiveConnection {
  let room = open.get(projectId);
  if (!room) {
    room = new Room(projectId);
    open.set(projectId, room);
  }
  clearTimeout(room.timers.linger);
  room.refs++;
  return room.handle();
}

/** For components: follows the project id, releases on cleanup or when the id changes. */
export function useLive(projectId: () => string | undefined): Accessor<LiveConnection | undefined> {
  const [live, setLive] = createSignal<LiveConnection>();
  createEffect(
    on(projectId, (id) => {
      if (!id) return setLive(undefined);
      const handle = acquireLive(id);
      setLive(handle);
      onCleanup(() => handle.release());
    }),
  );
  return live;
}

/** For components: calls handler for each frame of `type` on the current connection. */
export function useLiveEvent<T extends FrameType | "*">(
  live: Accessor<LiveConnection | undefined>,
  type: T,
  handler: (frame: T extends FrameType ? FrameOf<T> : ServerMessage) => void,
): void {
  createEffect(() => {
    const conn = live();
    if (conn) onCleanup(conn.subscribe(type, handler));
  });
}
