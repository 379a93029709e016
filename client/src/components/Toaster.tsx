// Toasts, in a polite live region so screen readers hear them.
import { For } from "solid-js";
import { dismissToast, toasts } from "../stores/toasts";
import { Icon } from "./Icon";

export function Toaster() {
  return (
    <div class="toaster" aria-live="polite" aria-relevant="additions" role="status">
      <For each={toasts()}>
        {(t) => (
          <div class={`toast toast-${t.tone}`}>
            <Icon name={t.tone === "error" ? "alert" : "check"} />
            <span>{t.message}</span>
            <button type="button" class="btn-icon btn-icon-sm" aria-label="Dismiss" onClick={() => dismissToast(t.id)}>
              <Icon name="x" size={14} />
            </button>
          </div>
        )}
      </For>
    </div>
  );
}
