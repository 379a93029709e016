// Shown where a plan limit stopped something (a 402): the server's message and a way to /billing.
import { A } from "@solidjs/router";
import { ApiError } from "../api";
import { Icon } from "./Icon";
import "../styles/billing.css";

/** True for a 402 plan-limit answer (storage, projects, members, file size). */
export function isPlanLimit(error: unknown): boolean {
  return error instanceof ApiError && error.status === 402;
}

export function UpgradePrompt(props: { message: string; compact?: boolean; onNavigate?: () => void }) {
  return (
    <div class="upgrade-prompt" classList={{ "upgrade-prompt-compact": props.compact }} role="alert">
      <Icon name="card" class="upgrade-prompt-icon" />
      <p>{props.message}</p>
      <A href="/billing" class="btn btn-secondary btn-sm" onClick={() => props.onNavigate?.()}>
        See plans
      </A>
    </div>
  );
}

/** A small "See plans" link for tight places such as the upload tray. */
export function UpgradeLink() {
  return (
    <A href="/billing" class="upgrade-link">
      See plans
    </A>
  );
}
