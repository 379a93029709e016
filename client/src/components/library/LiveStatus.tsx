// Who is here, and whether live updates are flowing: collaborators' avatars from presence
// and a quiet "Reconnecting…" when the socket is down. Plus the polite live region.
import { For, Show } from "solid-js";
import { initials } from "../../lib/format";
import type { LiveConnection } from "../../live";
import { spoken } from "../../stores/announcer";

export function PresenceAvatars(props: { live: LiveConnection | undefined }) {
  const others = () => {
    const me = props.live?.userId();
    const seen = new Set<string>();
    return (props.live?.presence() ?? []).filter((u) => u.userId !== me && !seen.has(u.userId) && seen.add(u.userId));
  };
  return (
    <Show when={others().length}>
      <div class="presence" aria-label="Online now">
        <For each={others().slice(0, 5)}>
          {(u) => (
            <span class="avatar avatar-sm presence-avatar" classList={{ "presence-reading": !!u.documentId }} title={u.documentId ? `${u.name} is reading` : `${u.name} is online`}>
              {initials(u.name)}
            </span>
          )}
        </For>
        <Show when={others().length > 5}>
          <span class="presence-more">+{others().length - 5}</span>
        </Show>
      </div>
    </Show>
  );
}

export function ConnectionPill(props: { live: LiveConnection | undefined }) {
  return (
    <Show when={props.live?.connection() === "reconnecting"}>
      <span class="conn-pill" role="status">
        <span class="spinner conn-spinner" aria-hidden="true" />
        Reconnecting…
      </span>
    </Show>
  );
}

export function LiveRegion() {
  return (
    <div class="visually-hidden" aria-live="polite" role="status">
      {spoken()}
    </div>
  );
}
