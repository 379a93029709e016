// Below the toolbar: a chip for every tag in the library; picking one shows only its papers
// (the server filters with ?tag=), picking it again shows all.
import { For, Show } from "solid-js";
import "../../styles/library-extras.css";

export function TagFilter(props: { tags: string[]; active: string; onPick: (tag: string) => void }) {
  return (
    <Show when={props.tags.length}>
      <div class="tag-filter" role="group" aria-label="Filter by tag">
        <span class="tag-filter-label">Tags</span>
        <For each={props.tags}>
          {(tag) => (
            <button
              type="button"
              class="tag-filter-chip"
              aria-pressed={props.active === tag}
              onClick={() => props.onPick(props.active === tag ? "" : tag)}
            >
              {tag}
            </button>
          )}
        </For>
        <Show when={props.active}>
          <button type="button" class="btn btn-ghost btn-xs" onClick={() => props.onPick("")}>
            Show all
          </button>
        </Show>
      </div>
    </Show>
  );
}
