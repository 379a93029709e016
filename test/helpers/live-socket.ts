// A project WebSocket whose frames a test can await, one at a time or up to a fence.
import { ServerMessage } from "../../protocol/realtime";

export const WAIT_MS = 3000;

export class LiveSocket {
  private readonly inbox: ServerMessage[] = [];
  private readonly waiters: ((m: ServerMessage) => void)[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;

  constructor(readonly ws: WebSocket) {
    ws.accept();
    ws.addEventListener("message", (event) => {
      const parsed = ServerMessage.safeParse(JSON.parse(String(event.data)));
      if (!parsed.success) throw new Error(`server sent an invalid frame: ${String(event.data)}`);
      const waiter = this.waiters.shift();
      if (waiter) waiter(parsed.data);
      else this.inbox.push(parsed.data);
    });
    this.closed = new Promise((resolve) => ws.addEventListener("close", (e) => resolve({ code: e.code, reason: e.reason })));
  }

  /** The next frame, or a failure after `ms`. */
  next(ms = WAIT_MS): Promise<ServerMessage> {
    const queued = this.inbox.shift();
    if (queued) return Promise.resolve(queued);
    let waiter!: (m: ServerMessage) => void;
    const arrived = new Promise<ServerMessage>((resolve) => {
      waiter = resolve;
      this.waiters.push(resolve);
    });
    // A waiter left behind by a timeout would swallow the next frame.
    return withTimeout(arrived, ms, "no frame arrived").catch((error: unknown) => {
      this.waiters.splice(this.waiters.indexOf(waiter), 1);
      throw error;
    });
  }

  /** The next frame of `type`, skipping others. */
  async nextOf<T extends ServerMessage["type"]>(type: T, ms = WAIT_MS): Promise<Extract<ServerMessage, { type: T }>> {
    const deadline = Date.now() + ms;
    for (;;) {
      const frame = await this.next(Math.max(1, deadline - Date.now()));
      if (frame.type === type) return frame as Extract<ServerMessage, { type: T }>;
    }
  }

  /** The next `count` frames that are not presence. */
  async durableFrames(count: number): Promise<ServerMessage[]> {
    const seen: ServerMessage[] = [];
    while (seen.length < count) {
      const frame = await this.next();
      if (frame.type !== "presence") seen.push(frame);
    }
    return seen;
  }

  /**
   * Everything but presence until a pong: what the room sent before it answered the ping. A
   * fence for what the room sends on its own (events published before the call); not for the
   * answer to a frame this socket just sent, see `resume`.
   */
  async eventsUntilPong(): Promise<ServerMessage[]> {
    // Not byte-exact PING_FRAME, so the room itself answers rather than the runtime.
    this.ws.send('{ "type": "ping" }');
    const seen: ServerMessage[] = [];
    for (;;) {
      const frame = await this.next();
      if (frame.type === "pong") return seen;
      if (frame.type !== "presence") seen.push(frame);
    }
  }

  /**
   * Sends `resume` and returns its answer: the `expected` frames it must bring, then anything
   * more up to a pong. Waiting for the expected frames matters: under load workerd has handed the
   * room a ping sent right after the resume before the resume itself (seen in CI), so a ping
   * alone does not fence the answer.
   */
  async resume(afterSeq: number, expected: number): Promise<ServerMessage[]> {
    this.send({ type: "resume", afterSeq });
    const answer = await this.durableFrames(expected);
    return [...answer, ...(await this.eventsUntilPong())];
  }

  send(frame: unknown): void {
    this.ws.send(typeof frame === "string" ? frame : JSON.stringify(frame));
  }

  closeWith(ms = WAIT_MS) {
    return withTimeout(this.closed, ms, "socket did not close");
  }
}

export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => {
    if (timer !== undefined) clearTimeout(timer);
  });
}
