// A paper's tags as chips. Editors and owners remove one with its × and add one with "+ tag"
// (Enter adds, Escape or leaving an empty field closes); everyone else just reads them.
import { createSignal, For, Show } from "solid-js";
import { Icon } from "../Icon";
import "../../styles/library-extras.css";

const MAX_TAG = 50;

export function TagEditor(props: {
  tags: string[];
  canEdit: boolean;
  onChange: (tags: string[]) => void;
  /** Names the paper in the controls' accessible labels. */
  label: string;
  /** Clicking a chip's text (e.g. to filter the library by it). */
  onPick?: (tag: string) => void;
  class?: string;
}) {
  const [adding, setAdding] = createSignal(false);
  const [value, setValue] = createSignal("");

  const commit = () => {
    const tag = value().trim().slice(0, MAX_TAG);
    setValue("");
    setAdding(false);
    if (tag && !props.tags.includes(tag)) props.onChange([...props.tags, tag]);
  };

  return (
    <span class={`tag-editor ${props.class ?? ""}`}>
      <For each={props.tags}>
        {(tag) => (
          <span class="tag" data-tag={tag}>
            <Show when={props.onPick} fallback={<span class="tag-text">{tag}</span>}>
              <button type="button" class="tag-text tag-pick" title={`Show papers tagged ${tag}`} onClick={() => props.onPick!(tag)}>
                {tag}
              </button>
            </Show>
            <Show when={props.canEdit}>
              <button
                type="button"
                class="tag-remove"
                aria-label={`Remove tag ${tag} from ${props.label}`}
                title="Remove tag"
                onClick={() => props.onChange(props.tags.filter((t) => t !== tag))}
              >
                <Icon name="x" size={11} />
              </button>
            </Show>
          </span>
        )}
      </For>
      <Show when={props.canEdit}>
        <Show
          when={adding()}
          fallback={
            <button type="button" class="tag-add" aria-label={`Add a tag to ${props.label}`} onClick={() => setAdding(true)}>
              + tag
            </button>
          }
        >
          <input
            ref={(el) => queueMicrotask(() => el.focus())}
            class="tag-input"
            aria-label={`New tag for ${props.label}`}
            placeholder="tag"
            maxLength={MAX_TAG}
            value={value()}
            onInput={(e) => setValue(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                commit();
              } else if (e.key === "Escape") {
                e.stopPropagation();
                setValue("");
                setAdding(false);
              }
            }}
            onBlur={commit}
          />
        </Show>
      </Show>
    </span>
  );
}
