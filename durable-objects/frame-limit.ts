// Per-socket flood control: a token bucket per socket, so one noisy client is slowed down
// without closing it or touching anyone else. Kept in memory on purpose: a room that
// hibernated has seen no frames lately, so a fresh bucket is the right state on wake.

export const FRAMES_PER_SECOND = 20;
export const FRAME_BURST = 40;

interface Bucket {
  tokens: number;
  at: number;
}

export class FrameLimiter {
  private readonly buckets = new WeakMap<WebSocket, Bucket>();

  constructor(
    private readonly perSecond = FRAMES_PER_SECOND,
    private readonly burst = FRAME_BURST,
  ) {}

  /** True when the socket may send this frame now. */
  take(ws: WebSocket, now: number): boolean {
    const bucket = this.buckets.get(ws) ?? { tokens: this.burst, at: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond);
    bucket.at = now;
    const allowed = bucket.tokens >= 1;
    if (allowed) bucket.tokens -= 1;
    this.buckets.set(ws, bucket);
    return allowed;
  }
}
