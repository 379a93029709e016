// A paper's parse status: colour and words together (queued grey, parsing blue with a thin
// progress bar, parsed green, failed red with the reason in a sentence and a Reparse action).
import { Match, Show, Switch } from "solid-js";
import type { DocumentDto } from "../../api";
import { failureShort, failureText, parsePercent } from "../../lib/papers";

export function StatusChip(props: { doc: DocumentDto; onReparse?: () => void; compact?: boolean }) {
  const percent = () => parsePercent(props.doc);
  return (
    <div class="status" data-status={props.doc.status}>
      <Switch>
        <Match when={props.doc.status === "queued"}>
          <span class="chip chip-queued">
            <span class="chip-dot" aria-hidden="true" />
            Queued
          </span>
        </Match>
        <Match when={props.doc.status === "parsing"}>
          <span class="chip chip-parsing">
            <span class="chip-dot chip-dot-pulse" aria-hidden="true" />
            {percent() === null ? "Parsing" : `Parsing ${percent()}%`}
          </span>
          <div
            class="status-bar"
            role="progressbar"
            aria-label="Parsing progress"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent() ?? undefined}
          >
            <div class="status-bar-fill" style={{ width: `${percent() ?? 4}%` }} />
          </div>
        </Match>
        <Match when={props.doc.status === "parsed"}>
          <span class="chip chip-parsed">
            <svg width="12" height="12" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="3" stroke-linecap="round" aria-hidden="true">
              <path d="M5 12l5 5L20 7" />
            </svg>
            Parsed
          </span>
          <Show when={!props.compact && props.doc.pageCount}>
            <span class="status-note">{props.doc.pageCount === 1 ? "1 page" : `${props.doc.pageCount} pages`}</span>
          </Show>
        </Match>
        <Match when={props.doc.status === "failed"}>
          <span class="chip chip-failed" title={failureText(props.doc.error)}>
            <span class="chip-dot" aria-hidden="true" />
            {failureShort(props.doc.error)}
          </span>
          <Show when={!props.compact}>
            <span class="status-note status-note-failed">{failureText(props.doc.error)}</span>
            <Show when={props.onReparse}>
              <button type="button" class="link-button" onClick={() => props.onReparse?.()}>
                Reparse
              </button>
            </Show>
          </Show>
        </Match>
      </Switch>
    </div>
  );
}
