// "Possible duplicate of <title>" on a flagged paper: why (same DOI / same title), a link to the
// other paper, and for editors and owners the two ways out — keep both, or merge into the older.
import { A } from "@solidjs/router";
import { Show } from "solid-js";
import type { DocumentDto } from "../../api";
import { Icon } from "../Icon";
import "../../styles/library-extras.css";

export const duplicateReason = (reason: "doi" | "title") => (reason === "doi" ? "same DOI" : "same title");

export function DuplicateNotice(props: {
  doc: DocumentDto;
  canEdit: boolean;
  busy?: boolean;
  onKeep?: () => void;
  onMerge?: () => void;
  compact?: boolean;
}) {
  return (
    <Show when={props.doc.duplicateOf}>
      {(dup) => (
        <div class="dup-notice" classList={{ "dup-notice-compact": props.compact }} role="note" data-testid="duplicate-notice">
          <Icon name="copy" size={13} class="dup-icon" />
          <span class="dup-text">
            Possible duplicate of{" "}
            <A href={`/projects/${props.doc.projectId}/papers/${dup().id}`} class="dup-link serif">
              {dup().title ?? "another paper"}
            </A>{" "}
            <span class="dup-reason">· {duplicateReason(dup().reason)}</span>
          </span>
          <Show when={props.canEdit && props.onKeep && props.onMerge}>
            <span class="dup-actions">
              <button type="button" class="btn btn-ghost btn-xs" disabled={props.busy} onClick={() => props.onKeep!()}>
                Keep both
              </button>
              <button type="button" class="btn btn-secondary btn-xs" disabled={props.busy} onClick={() => props.onMerge!()}>
                Merge…
              </button>
            </span>
          </Show>
        </div>
      )}
    </Show>
  );
}
