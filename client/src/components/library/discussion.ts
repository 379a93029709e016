// The library's discussion column: highlights, comments and open threads per paper. Fetched when
// the library opens and again shortly after any highlight or comment event (or a resync) while
// the tab is visible; a hidden tab catches up when shown. It follows the project live without
// counting events itself: deletions cascade (a highlight takes its threads along), and one exact
// read is simpler than mirroring those rules here.
import { createEffect, createSignal, on, onCleanup, type Accessor } from "solid-js";
import { api, type DiscussionCountDto } from "../../api";
import { useLiveEvent, type LiveConnection } from "../../live";

/** At most one refetch per this many ms however busy the project is. */
const REFRESH_MS = 500;

const touchesDiscussion = (type: string) =>
  type.startsWith("annotation.") || type.startsWith("comment.") || type === "document.deleted" || type === "resync";

export function useDiscussion(projectId: Accessor<string>, live: Accessor<LiveConnection | undefined>): Accessor<ReadonlyMap<string, DiscussionCountDto>> {
  const [counts, setCounts] = createSignal<ReadonlyMap<string, DiscussionCountDto>>(new Map());
  let latest = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const load = async () => {
    const ticket = ++latest;
    try {
      const { items } = await api.getDiscussion(projectId());
      if (ticket === latest) setCounts(new Map(items.map((c) => [c.documentId, c])));
    } catch {
      // The column is a hint: keep the last counts rather than flash an error over the library.
    }
  };
  createEffect(on(projectId, () => {
    setCounts(new Map());
    void load();
  }));
  // A tab in the background only notes that its counts are stale and reads them when shown again.
  let stale = false;
  const scheduleLoad = () => {
    if (document.visibilityState !== "visible") {
      stale = true;
      return;
    }
    if (timer !== undefined) return;
    timer = setTimeout(() => {
      timer = undefined;
      void load();
    }, REFRESH_MS);
  };
  const onVisibility = () => {
    if (document.visibilityState !== "visible" || !stale) return;
    stale = false;
    scheduleLoad();
  };
  document.addEventListener("visibilitychange", onVisibility);
  useLiveEvent(live, "*", (frame) => {
    if (touchesDiscussion(frame.type)) scheduleLoad();
  });
  onCleanup(() => {
    clearTimeout(timer);
    document.removeEventListener("visibilitychange", onVisibility);
  });
  return counts;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "3 highlights, 5 comments, 2 open threads" for screen readers and the tooltip. */
export function discussionLabel(c: DiscussionCountDto | undefined): string {
  if (!c) return "No highlights or comments yet";
  const parts = [plural(c.highlights, "highlight", "highlights"), plural(c.comments, "comment", "comments")];
  if (c.openThreads > 0) parts.push(plural(c.openThreads, "open thread", "open threads"));
  return parts.join(", ");
}
