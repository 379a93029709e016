// The library table: sorted, filtered rows, and "Load more" while the server has more.
import { createRenderEffect, For, Show } from "solid-js";
import type { DocumentDto } from "../../api";
import { DocumentRow, type RowActions } from "./DocumentRow";

export function DocumentTable(props: {
  rows: DocumentDto[];
  actions: RowActions;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  filtered: boolean;
  onClearFilters: () => void;
  /** Header checkbox: all shown rows selected / some / none, and toggling them all. */
  selection: { all: boolean; some: boolean; onToggleAll: (on: boolean) => void };
}) {
  return (
    <div class="panel doc-panel">
      <table class="table doc-table">
        <thead>
          <tr>
            <th scope="col" class="doc-col-select">
              <input
                type="checkbox"
                class="doc-check"
                aria-label="Select all papers"
                checked={props.selection.all}
                ref={(el) => createRenderEffect(() => (el.indeterminate = props.selection.some && !props.selection.all))}
                onChange={(e) => props.selection.onToggleAll(e.currentTarget.checked)}
              />
            </th>
            <th scope="col">Paper</th>
            <th scope="col" class="doc-col-status">
              Status
            </th>
            <th scope="col" class="doc-col-discussion">
              Discussion
            </th>
            <th scope="col" class="doc-col-added">
              Added
            </th>
            <th scope="col">
              <span class="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          <For each={props.rows}>{(doc) => <DocumentRow doc={doc} actions={props.actions} />}</For>
        </tbody>
      </table>
      <Show when={props.rows.length === 0 && props.filtered}>
        <div class="doc-none">
          <p>No papers match these filters.</p>
          <button type="button" class="btn btn-secondary btn-sm" onClick={() => props.onClearFilters()}>
            Clear filters
          </button>
        </div>
      </Show>
      <Show when={props.hasMore}>
        <div class="doc-more">
          <button type="button" class="btn btn-secondary btn-sm" disabled={props.loadingMore} onClick={() => props.onLoadMore()}>
            {props.loadingMore ? "Loading…" : "Load more papers"}
          </button>
        </div>
      </Show>
    </div>
  );
}
