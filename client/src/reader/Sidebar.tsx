// The annotation sidebar (Hypothesis-like): highlights in reading order with notes and threads,
// filters (everyone / mine, unresolved only), the paper's own discussion, and the orphans.
import { createMemo, createSignal, For, Match, Show, Switch } from "solid-js";
import { errorMessage } from "../api";
import { ErrorState, SkeletonRows } from "../components/States";
import { AnnotationCard } from "./AnnotationCard";
import type { Annotation, AnnotationsStore } from "./annotations-store";
import { Composer } from "./Composer";
import type { People } from "./people";
import type { ReaderUi } from "./reader-ui";
import { groupThreads, isOpen, readingOrder } from "./threads";
import { ThreadView } from "./ThreadView";
import type { Viewer } from "./viewer";

export function Sidebar(props: { store: AnnotationsStore; ui: ReaderUi; people: People; viewer: Viewer }) {
  const [who, setWho] = createSignal<"everyone" | "mine">("everyone");
  const [unresolved, setUnresolved] = createSignal(false);
  const threads = createMemo(() => groupThreads(props.store.comments()));

  const visible = createMemo(() => {
    const me = props.people.me();
    return props.store
      .annotations()
      .filter((a) => who() === "everyone" || a.authorId === me || (threads().get(a.id) ?? []).some((t) => [t.root, ...t.replies].some((c) => c.authorId === me)))
      .filter((a) => !unresolved() || (threads().get(a.id) ?? []).some(isOpen))
      .sort(readingOrder);
  });
  const placed = () => visible().filter((a) => !props.ui.isOrphan(a.id));
  const orphans = () => visible().filter((a) => props.ui.isOrphan(a.id));
  const paperThreads = () => (threads().get("paper") ?? []).filter((t) => (!unresolved() || isOpen(t)) && (who() === "everyone" || [t.root, ...t.replies].some((c) => c.authorId === props.people.me())));

  const card = (a: Annotation, orphan: boolean) => (
    <AnnotationCard a={a} threads={threads().get(a.id) ?? []} store={props.store} ui={props.ui} people={props.people} viewer={props.viewer} orphan={orphan} />
  );

  return (
    <div class="sidebar">
      <div class="sidebar-head">
        <div class="segmented" role="group" aria-label="Whose annotations">
          <button type="button" aria-pressed={who() === "everyone"} onClick={() => setWho("everyone")}>
            Everyone
          </button>
          <button type="button" aria-pressed={who() === "mine"} onClick={() => setWho("mine")}>
            Mine
          </button>
        </div>
        <label class="sidebar-check">
          <input type="checkbox" checked={unresolved()} onChange={(e) => setUnresolved(e.currentTarget.checked)} /> Unresolved
        </label>
      </div>
      <div class="sidebar-scroll">
        <Switch>
          <Match when={props.store.error()}>
            <div class="sidebar-pad">
              <ErrorState message={errorMessage(props.store.error())} onRetry={() => void props.store.load()} />
            </div>
          </Match>
          <Match when={!props.store.loaded()}>
            <SkeletonRows rows={4} label="Loading annotations" />
          </Match>
          <Match when={true}>
            <section class="sidebar-section" aria-label="Highlights">
              <h2 class="sidebar-heading">
                Highlights <span class="count">{placed().length}</span>
              </h2>
              <Show
                when={placed().length > 0}
                fallback={
                  <p class="sidebar-empty">
                    {props.store.annotations().length === 0
                      ? props.people.canHighlight
                        ? "Select text in the paper to highlight it, add a note or start a thread."
                        : "No highlights yet. Select text to quote it in a comment."
                      : "Nothing matches these filters."}
                  </p>
                }
              >
                <For each={placed()}>{(a) => card(a, false)}</For>
              </Show>
            </section>
            <section class="sidebar-section" aria-label="Paper discussion">
              <h2 class="sidebar-heading">
                Discussion <span class="count">{paperThreads().length}</span>
              </h2>
              <For each={paperThreads()}>{(t) => <ThreadView thread={t} store={props.store} people={props.people} />}</For>
              <Show
                when={props.ui.composing() === "paper"}
                fallback={
                  <button type="button" class="btn btn-secondary btn-sm sidebar-start" onClick={() => props.ui.compose("paper", "")}>
                    Start a discussion about this paper
                  </button>
                }
              >
                <Composer
                  label="Comment on the paper"
                  placeholder="Say something about the whole paper…"
                  initial={props.ui.paperDraft()}
                  submitLabel="Comment"
                  autofocus
                  onSubmit={async (body) => {
                    await props.store.createComment({ body });
                    props.ui.compose(null, "");
                  }}
                  onCancel={() => props.ui.compose(null, "")}
                />
              </Show>
            </section>
            <Show when={orphans().length > 0}>
              <section class="sidebar-section" aria-label="Orphaned highlights">
                <h2 class="sidebar-heading">
                  Could not be placed <span class="count">{orphans().length}</span>
                </h2>
                <For each={orphans()}>{(a) => card(a, true)}</For>
              </section>
            </Show>
          </Match>
        </Switch>
      </div>
    </div>
  );
}
