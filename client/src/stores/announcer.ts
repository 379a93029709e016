// Polite screen-reader announcements for long-running work (uploads, parsing). Messages that
// arrive close together are spoken as one, at most every 1.5 s, so a burst of 20 uploads is
// not 20 interruptions. <LiveRegion /> renders the region.
import { createSignal } from "solid-js";

const GAP_MS = 1500;
const [spoken, setSpoken] = createSignal("");
let queue: string[] = [];
let timer: ReturnType<typeof setTimeout> | null = null;
let lastAt = 0;

export { spoken };

export function announce(message: string): void {
  // The same message twice in a row (e.g. two "parsed" for one paper) is said once.
  if (queue[queue.length - 1] === message) return;
  queue.push(message);
  if (timer) return;
  timer = setTimeout(flush, Math.max(0, lastAt + GAP_MS - Date.now()));
}

function flush(): void {
  timer = null;
  lastAt = Date.now();
  const messages = queue;
  queue = [];
  const text = messages.length > 4 ? `${messages.slice(0, 3).join(". ")}. And ${messages.length - 3} more updates.` : messages.join(". ");
  // Clearing first makes a repeat of the same sentence be read again.
  setSpoken("");
  queueMicrotask(() => setSpoken(text));
}
