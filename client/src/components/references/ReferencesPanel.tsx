// A paper's references and who cites it, within its project: for the reader's details panel.
// Entries that name another paper of the project link to it; "Cited by" lists the papers of
// the project whose references name this one. Self-contained: fetches and refreshes itself.
import { A } from "@solidjs/router";
import { createMemo, createResource, createSignal, For, Match, onCleanup, Show, Switch } from "solid-js";
import { api, errorMessage, type ReferenceItem } from "../../api";
import { useLive, useLiveEvent } from "../../live";
import { ErrorState } from "../States";
import "../../styles/references.css";

/** Entries shown before "Show all". */
const FIRST = 12;

export function ReferencesPanel(props: { projectId: string; documentId: string }) {
  const [data, { refetch }] = createResource(
    () => ({ projectId: props.projectId, documentId: props.documentId }),
    ({ projectId, documentId }) => api.getReferences(projectId, documentId),
  );
  const [expanded, setExpanded] = createSignal(false);
  const [onlyLinked, setOnlyLinked] = createSignal(false);

  // Another paper added, edited or removed can make or break a link; this one reparsed changes the list.
  const live = useLive(() => props.projectId);
  let pending: number | undefined;
  const soon = () => {
    clearTimeout(pending);
    pending = window.setTimeout(() => void refetch(), 500);
  };
  onCleanup(() => clearTimeout(pending));
  useLiveEvent(live, "document.updated", soon);
  useLiveEvent(live, "document.deleted", soon);

  const items = () => data.latest?.items ?? [];
  const linkedCount = createMemo(() => items().filter((i) => i.documentId).length);
  const shown = createMemo(() => {
    const list = onlyLinked() ? items().filter((i) => i.documentId) : items();
    return expanded() ? list : list.slice(0, FIRST);
  });
  const hidden = () => (onlyLinked() ? linkedCount() : items().length) - shown().length;
  const paperHref = (id: string) => `/projects/${props.projectId}/papers/${id}`;

  return (
    <section class="refs" aria-label="References and citations in this project">
      <Switch>
        <Match when={data.error && !data.latest}>
          <ErrorState title="References could not be loaded" message={errorMessage(data.error)} onRetry={() => void refetch()} />
        </Match>
        <Match when={!data.latest}>
          <div class="refs-loading" role="status" aria-label="Loading references">
            <span class="skeleton skeleton-text" style={{ width: "40%" }} />
            <span class="skeleton skeleton-text" />
            <span class="skeleton skeleton-text" style={{ width: "85%" }} />
            <span class="skeleton skeleton-text" style={{ width: "92%" }} />
          </div>
        </Match>
        <Match when={data.latest}>
          {(d) => (
            <>
              <h3 class="meta-subheading refs-heading">Cited by (in this project)</h3>
              <Show when={d().citedBy.length > 0} fallback={<p class="refs-muted">No paper in this project cites this one yet.</p>}>
                <ul class="refs-citedby">
                  <For each={d().citedBy}>
                    {(c) => (
                      <li>
                        <A href={paperHref(c.documentId)} class="refs-paper serif">
                          {c.title}
                        </A>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>

              <div class="refs-heading-row">
                <h3 class="meta-subheading refs-heading">
                  References <span class="refs-count">{items().length}</span>
                </h3>
                <Show when={linkedCount() > 0 && linkedCount() < items().length}>
                  <label class="refs-filter">
                    <input type="checkbox" checked={onlyLinked()} onChange={(e) => setOnlyLinked(e.currentTarget.checked)} />
                    Only in this project ({linkedCount()})
                  </label>
                </Show>
              </div>
              <Show
                when={items().length > 0}
                fallback={<p class="refs-muted">No references were found at the end of this paper.</p>}
              >
                <ol class="refs-list">
                  <For each={shown()}>{(item) => <ReferenceRow item={item} href={item.documentId ? paperHref(item.documentId) : null} />}</For>
                </ol>
                <Show when={hidden() > 0 || expanded()}>
                  <button type="button" class="btn btn-ghost btn-sm refs-more" aria-expanded={expanded()} onClick={() => setExpanded((v) => !v)}>
                    {expanded() ? "Show fewer" : `Show all ${onlyLinked() ? linkedCount() : items().length}`}
                  </button>
                </Show>
              </Show>
            </>
          )}
        </Match>
      </Switch>
    </section>
  );
}

function ReferenceRow(props: { item: ReferenceItem; href: string | null }) {
  return (
    <li class="refs-item" classList={{ linked: props.href !== null }}>
      <span class="refs-index" aria-hidden="true">
        {props.item.index}
      </span>
      <div class="refs-body">
        <p class="refs-raw">{props.item.raw}</p>
        <Show when={props.href || props.item.doi}>
          <p class="refs-links">
            <Show when={props.href}>
              <A href={props.href!} class="refs-open" aria-label={`Open ${props.item.title ?? "this reference"}, a paper in this project`}>
                In this project →
              </A>
            </Show>
            <Show when={props.item.doi}>
              <a href={`https://doi.org/${encodeURI(props.item.doi!)}`} class="refs-doi" target="_blank" rel="noopener noreferrer">
                doi:{props.item.doi}
              </a>
            </Show>
          </p>
        </Show>
      </div>
    </li>
  );
}
