// The reader's whole connection to the project's live socket (client/src/live.ts): annotation
// and comment events into the store (applied by id and version), a refetch on `resync`,
// presence out (throttled, page by page) and collaborators on this paper in.
import { createEffect, createMemo, on, onCleanup, type Accessor } from "solid-js";
import { useLive, useLiveEvent, type PresenceUser } from "../live";
import type { Annotation, AnnotationsStore, Comment } from "./annotations-store";

const PRESENCE_THROTTLE_MS = 1000;

export function useLiveSync(opts: { projectId: string; documentId: string; store: AnnotationsStore; page: Accessor<number>; ready: Accessor<boolean>; me: Accessor<string | null> }) {
  const live = useLive(() => opts.projectId);

  // One "*" handler: the annotation/comment event types are a union per frame shape.
  useLiveEvent(live, "*", (frame) => {
    if ("annotation" in frame) opts.store.applyEvent(frame.type, frame.annotation as Annotation);
    else if ("comment" in frame) opts.store.applyEvent(frame.type, frame.comment as Comment);
  });
  useLiveEvent(live, "resync", () => void opts.store.load());

  // Presence: at most one frame a second, the last page always sent; "nowhere" on leaving.
  let lastSent = 0;
  let timer = 0;
  const send = (page: number) => {
    lastSent = Date.now();
    live()?.sendPresence(opts.documentId, page);
  };
  createEffect(
    on([opts.page, opts.ready, live], ([page, ready, conn]) => {
      if (!ready || !conn) return;
      clearTimeout(timer);
      const wait = PRESENCE_THROTTLE_MS - (Date.now() - lastSent);
      if (wait <= 0) send(page);
      else timer = window.setTimeout(() => send(opts.page()), wait);
    }),
  );
  onCleanup(() => {
    clearTimeout(timer);
    live()?.sendPresence(null, null);
  });

  /** Everyone else reading this paper, one entry per person. */
  const collaborators = createMemo<PresenceUser[]>(() => {
    const me = live()?.userId() ?? opts.me();
    const seen = new Map<string, PresenceUser>();
    for (const u of live()?.presence() ?? []) {
      if (u.userId === me || u.documentId !== opts.documentId || !u.page) continue;
      seen.set(u.userId, u);
    }
    return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name));
  });

  return { collaborators, connection: () => live()?.connection() ?? "connecting" };
}
