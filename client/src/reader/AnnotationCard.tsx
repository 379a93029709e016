// A highlight in the sidebar: colour, author, quote, note, its threads. Authors change colour
// and note (with the version they saw; a 409 shows the current one and offers a retry), authors
// and owners delete. Clicking the card brings its passage into view.
import { createEffect, createSignal, For, Show } from "solid-js";
import { ApiError, errorMessage } from "../api";
import { ConfirmDialog } from "../components/ConfirmDialog";
import { timeAgo } from "../lib/format";
import { toast } from "../stores/toasts";
import type { Annotation, AnnotationsStore } from "./annotations-store";
import { Avatar } from "./Avatar";
import { Composer } from "./Composer";
import { colorLabel, HIGHLIGHT_COLORS, type HighlightColor, type People } from "./people";
import type { ReaderUi } from "./reader-ui";
import type { Thread } from "./threads";
import { ThreadView } from "./ThreadView";
import type { Viewer } from "./viewer";

type Patch = { color?: HighlightColor; note?: string | null };

export function AnnotationCard(props: { a: Annotation; threads: Thread[]; store: AnnotationsStore; ui: ReaderUi; people: People; viewer: Viewer; orphan: boolean }) {
  const a = () => props.a;
  const [conflict, setConflict] = createSignal<Patch | null>(null);
  const [confirming, setConfirming] = createSignal(false);
  let card!: HTMLElement;
  const focused = () => props.ui.focused() === a().id;
  const mayEdit = () => props.people.canHighlight && props.people.canEdit(a().authorId);

  createEffect(() => {
    if (focused()) card.scrollIntoView({ block: "nearest", behavior: "smooth" });
  });

  async function save(patch: Patch) {
    setConflict(null);
    try {
      await props.store.updateAnnotation(a(), patch);
      props.ui.editNote(null);
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        setConflict(patch);
        props.ui.editNote(null);
      } else toast(errorMessage(e), "error");
    }
  }

  function reveal() {
    props.ui.focus(a().id);
    if (!props.orphan) props.viewer.scrollToPage(a().page, a().rects[0]?.y ?? 0, { smooth: true, topOffset: (props.viewer.scroller()?.clientHeight ?? 600) * 0.3 });
  }

  return (
    <article ref={card} id={`annotation-${a().id}`} class={`ann-card ann-${a().color}`} classList={{ focused: focused() }} aria-label={`Highlight on page ${a().page} by ${props.people.nameOf(a().authorId)}`}>
      <header class="ann-head">
        <Avatar people={props.people} userId={a().authorId} size={22} />
        <span class="ann-author">{props.people.nameOf(a().authorId)}</span>
        <time class="ann-time" dateTime={a().createdAt}>
          {timeAgo(a().createdAt)}
        </time>
        <button type="button" class="ann-page" title="Show in the paper" onClick={reveal}>
          p. {a().page}
        </button>
      </header>
      <blockquote class="ann-quote" onClick={reveal}>
        {a().quote || "(no text)"}
      </blockquote>
      <Show when={props.orphan}>
        <p class="ann-orphan">This passage could not be found on page {a().page} any more.</p>
      </Show>
      <Show when={conflict()}>
        {(patch) => (
          <div class="ann-conflict" role="alert">
            <p>Someone else changed this highlight while you were editing. Above is the current version.</p>
            <div class="ann-conflict-actions">
              <button type="button" class="btn btn-secondary btn-sm" onClick={() => void save(patch())}>
                Apply my edit again
              </button>
              <button type="button" class="btn btn-ghost btn-sm" onClick={() => setConflict(null)}>
                Keep theirs
              </button>
            </div>
          </div>
        )}
      </Show>
      <Show
        when={props.ui.editingNote() === a().id}
        fallback={
          <Show when={a().note}>
            <p class="ann-note">{a().note}</p>
          </Show>
        }
      >
        <div class="ann-edit">
          <div class="ann-swatches" role="group" aria-label="Colour">
            <For each={HIGHLIGHT_COLORS}>
              {(c) => (
                <button type="button" class={`swatch swatch-${c}`} classList={{ selected: a().color === c }} aria-pressed={a().color === c} aria-label={colorLabel[c]} onClick={() => void save({ color: c })} />
              )}
            </For>
          </div>
          <Composer label="Note" placeholder="Add a note…" initial={a().note ?? ""} submitLabel="Save note" autofocus allowEmpty onSubmit={(note) => save({ note })} onCancel={() => props.ui.editNote(null)} />
        </div>
      </Show>
      <For each={props.threads}>{(t) => <ThreadView thread={t} store={props.store} people={props.people} />}</For>
      <Show when={props.ui.composing() === a().id}>
        <Composer
          label="Comment"
          placeholder="Comment on this passage…"
          submitLabel="Comment"
          autofocus
          onSubmit={async (body) => {
            await props.store.createComment({ body, annotationId: a().id });
            props.ui.compose(null);
          }}
          onCancel={() => props.ui.compose(null)}
        />
      </Show>
      <footer class="ann-actions">
        <Show when={props.ui.composing() !== a().id}>
          <button type="button" class="link-btn" onClick={() => props.ui.compose(a().id)}>
            {props.threads.length ? "New thread" : "Comment"}
          </button>
        </Show>
        <Show when={mayEdit() && props.ui.editingNote() !== a().id}>
          <button type="button" class="link-btn" onClick={() => props.ui.editNote(a().id)}>
            {a().note ? "Edit note" : "Add note"}
          </button>
        </Show>
        <Show when={props.people.canDelete(a().authorId) && props.people.canHighlight}>
          <button type="button" class="link-btn danger" onClick={() => setConfirming(true)}>
            Delete
          </button>
        </Show>
      </footer>
      <ConfirmDialog
        open={confirming()}
        onOpenChange={setConfirming}
        title="Delete this highlight?"
        description="The highlight, its note and its threads are removed for everyone."
        confirmLabel="Delete highlight"
        onConfirm={() => props.store.deleteAnnotation(a().id)}
      />
    </article>
  );
}
