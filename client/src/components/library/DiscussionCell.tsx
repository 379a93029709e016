// A paper's discussion at a glance: highlights and comments, open threads in the accent colour.
// The whole cell links to the reader, where the threads are.
import { A } from "@solidjs/router";
import { Show } from "solid-js";
import type { DiscussionCountDto } from "../../api";
import { Icon } from "../Icon";
import { discussionLabel } from "./discussion";

export function DiscussionCell(props: { counts: DiscussionCountDto | undefined; href: string; title: string }) {
  const label = () => discussionLabel(props.counts);
  return (
    <Show when={props.counts} fallback={
        <span class="doc-discussion-none" title={label()}>
          <span aria-hidden="true">—</span>
          <span class="visually-hidden">{label()}</span>
        </span>
      }>
      {(c) => (
        <A href={props.href} class="doc-discussion" title={label()} aria-label={`${label()} on ${props.title}`}>
          <span class="doc-discussion-count">
            <Icon name="highlighter" /> {c().highlights}
          </span>
          <span class="doc-discussion-count">
            <Icon name="comment" /> {c().comments}
          </span>
          <Show when={c().openThreads > 0}>
            <span class="doc-discussion-open">{c().openThreads} open</span>
          </Show>
        </A>
      )}
    </Show>
  );
}
