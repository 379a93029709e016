// Collaborators reading this paper: avatars in the toolbar (click one to follow them), small
// avatars at the edge of the page each one is on, and the follow mode itself, which keeps your
// view on their page until you scroll.
import { createEffect, createSignal, For, on, Show, type Accessor } from "solid-js";
import type { PresenceUser } from "../live";
import { Avatar } from "./Avatar";
import type { People } from "./people";
import type { Viewer } from "./viewer";

export function createFollow(viewer: Viewer, collaborators: Accessor<PresenceUser[]>) {
  const [following, setFollowing] = createSignal<string | null>(null);
  const target = () => collaborators().find((u) => u.userId === following()) ?? null;
  createEffect(
    on(
      () => target()?.page,
      (page) => {
        if (page && page !== viewer.currentPage()) viewer.scrollToPage(page, 0, { smooth: true });
      },
    ),
  );
  // They left the paper: stop following.
  createEffect(() => {
    if (following() && !target()) setFollowing(null);
  });
  return {
    following,
    toggle: (userId: string) => setFollowing((cur) => (cur === userId ? null : userId)),
    /** Called on a scroll the user made themselves. */
    userScrolled: () => following() && setFollowing(null),
  };
}
export type Follow = ReturnType<typeof createFollow>;

export function PresenceBar(props: { collaborators: PresenceUser[]; people: People; follow: Follow; live: string }) {
  return (
    <div class="presence-bar" aria-label="Reading now">
      <Show when={props.live === "reconnecting"}>
        <span class="live-status" role="status">
          Reconnecting…
        </span>
      </Show>
      <For each={props.collaborators}>
        {(u) => (
          <button
            type="button"
            class="presence-btn"
            classList={{ following: props.follow.following() === u.userId }}
            aria-pressed={props.follow.following() === u.userId}
            title={props.follow.following() === u.userId ? `Following ${u.name} (page ${u.page}). Click or scroll to stop.` : `${u.name} is on page ${u.page}. Click to follow.`}
            onClick={() => props.follow.toggle(u.userId)}
          >
            <Avatar people={props.people} userId={u.userId} size={26} label={u.name} />
          </button>
        )}
      </For>
      <Show when={props.follow.following()}>
        {(id) => (
          <span class="following-label">
            Following {props.collaborators.find((u) => u.userId === id())?.name}
          </span>
        )}
      </Show>
    </div>
  );
}

export function PageMarkers(props: { page: number; collaborators: PresenceUser[]; people: People }) {
  const here = () => props.collaborators.filter((u) => u.page === props.page);
  return (
    <Show when={here().length > 0}>
      <div class="presence-markers" aria-label={`Reading page ${props.page}: ${here().map((u) => u.name).join(", ")}`}>
        <For each={here()}>{(u) => <Avatar people={props.people} userId={u.userId} size={24} class="presence-marker" label={`${u.name} is on this page`} />}</For>
      </div>
    </Show>
  );
}
