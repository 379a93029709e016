// No papers yet: one sentence, and the drop target (a button for those who click).
import { Show } from "solid-js";
import { Icon } from "../Icon";

export function LibraryEmpty(props: { canUpload: boolean; onPick: () => void }) {
  return (
    <section class="library-empty" aria-labelledby="library-empty-title">
      <div class="empty-icon">
        <Icon name="upload" size={24} />
      </div>
      <h2 id="library-empty-title" class="empty-title">
        No papers yet
      </h2>
      <Show when={props.canUpload} fallback={<p class="empty-text">Papers appear here as soon as an editor of this project adds them.</p>}>
        <p class="empty-text">Drop PDFs anywhere on this page to add them to the library.</p>
        <div class="empty-action">
          <button type="button" class="btn btn-primary" onClick={() => props.onPick()}>
            <Icon name="upload" /> Choose PDFs
          </button>
        </div>
      </Show>
    </section>
  );
}
