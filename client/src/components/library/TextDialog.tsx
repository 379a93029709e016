// The extracted text of a paper, a page at a time, with previous/next page buttons.
import { createResource, createSignal, Match, on, createEffect, Show, Switch } from "solid-js";
import { api, errorMessage, type DocumentDto } from "../../api";
import { displayTitle } from "../../lib/papers";
import { Icon } from "../Icon";
import { Modal } from "../Modal";

export function TextDialog(props: { doc: DocumentDto | null; onClose: () => void }) {
  const [page, setPage] = createSignal(1);
  createEffect(on(() => props.doc?.id, () => setPage(1)));
  const key = () => (props.doc ? { projectId: props.doc.projectId, id: props.doc.id, n: page() } : null);
  const [text] = createResource(key, (k) => api.getDocumentPage(k.projectId, k.id, k.n));
  const total = () => props.doc?.pageCount ?? null;

  return (
    <Modal
      open={props.doc !== null}
      onOpenChange={(open) => !open && props.onClose()}
      title={props.doc ? displayTitle(props.doc) : ""}
      description="The text Scrollkeeper read from the PDF, used for search and quoting."
      size="md"
    >
      <div class="text-viewer">
        <div class="text-page" aria-live="polite" aria-busy={text.loading}>
          <Switch>
            <Match when={text.error}>
              <p class="text-page-error">{errorMessage(text.error)}</p>
            </Match>
            <Match when={text.loading && !text.latest}>
              <div class="skeleton skeleton-text" style={{ width: "90%" }} />
              <div class="skeleton skeleton-text" style={{ width: "75%", "margin-top": "10px" }} />
            </Match>
            <Match when={text.latest}>
              {(t) => (
                <Show when={t().text.trim()} fallback={<p class="muted">This page has no text.</p>}>
                  <p class="text-page-body">{t().text}</p>
                </Show>
              )}
            </Match>
          </Switch>
        </div>
        <nav class="text-pager" aria-label="Pages">
          <button type="button" class="btn btn-secondary btn-sm" disabled={page() <= 1} onClick={() => setPage(page() - 1)}>
            <Icon name="chevronLeft" /> Previous page
          </button>
          <span class="text-pager-label">
            Page {page()}
            <Show when={total()}> of {total()}</Show>
          </span>
          <button type="button" class="btn btn-secondary btn-sm" disabled={total() !== null && page() >= total()!} onClick={() => setPage(page() + 1)}>
            Next page <Icon name="chevronRight" />
          </button>
        </nav>
      </div>
    </Modal>
  );
}
