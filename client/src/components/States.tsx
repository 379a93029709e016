// Loading, empty and error states shared by every async view.
import { For, Show, type JSX } from "solid-js";
import { Icon, type IconName } from "./Icon";

/** Placeholder rows the same height as the real ones, so nothing jumps when data arrives. */
export function SkeletonRows(props: { rows?: number; label?: string }) {
  return (
    <div class="skeleton-list" role="status" aria-label={props.label ?? "Loading"}>
      <For each={Array.from({ length: props.rows ?? 3 })}>
        {() => (
          <div class="skeleton-row">
            <span class="skeleton skeleton-text" style={{ width: "40%" }} />
            <span class="skeleton skeleton-text" style={{ width: "16%" }} />
          </div>
        )}
      </For>
    </div>
  );
}

export function EmptyState(props: { icon?: IconName; title: string; children?: JSX.Element; action?: JSX.Element }) {
  return (
    <div class="empty-state">
      <div class="empty-icon">
        <Icon name={props.icon ?? "folder"} size={24} />
      </div>
      <h2 class="empty-title">{props.title}</h2>
      <Show when={props.children}>
        <p class="empty-text">{props.children}</p>
      </Show>
      <Show when={props.action}>
        <div class="empty-action">{props.action}</div>
      </Show>
    </div>
  );
}

export function ErrorState(props: { message: string; onRetry?: () => void; title?: string }) {
  return (
    <div class="error-state" role="alert">
      <Icon name="alert" size={20} />
      <div>
        <p class="error-state-title">{props.title ?? "This could not be loaded"}</p>
        <p class="error-state-text">{props.message}</p>
      </div>
      <Show when={props.onRetry}>
        <button type="button" class="btn btn-secondary btn-sm" onClick={() => props.onRetry?.()}>
          Try again
        </button>
      </Show>
    </div>
  );
}
