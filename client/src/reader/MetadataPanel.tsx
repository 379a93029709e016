// Paper details: title, authors, year, DOI, abstract, as parsed or entered by hand. Editors and
// owners correct them in place (PATCH); everyone else reads.
import { createSignal, Show } from "solid-js";
import { api, errorMessage, type DocumentDto } from "../api";
import { DuplicateNotice } from "../components/library/DuplicateNotice";
import { TagEditor } from "../components/library/TagEditor";
import { ReferencesPanel } from "../components/references/ReferencesPanel";
import { formatDate } from "../lib/format";
import { toast } from "../stores/toasts";

interface Draft {
  title: string;
  authors: string;
  year: string;
  doi: string;
  abstract: string;
}

const draftOf = (d: DocumentDto): Draft => ({
  title: d.title ?? "",
  authors: d.authors.join("\n"),
  year: d.year ? String(d.year) : "",
  doi: d.doi ?? "",
  abstract: d.abstract ?? "",
});

export function MetadataPanel(props: { projectId: string; document: DocumentDto; canEdit: boolean; onSaved: (d: DocumentDto) => void }) {
  const [draft, setDraft] = createSignal<Draft | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const d = () => props.document;
  const set = (key: keyof Draft) => (e: { currentTarget: { value: string } }) => setDraft((cur) => cur && { ...cur, [key]: e.currentTarget.value });

  async function saveTags(tags: string[]) {
    try {
      const { document } = await api.updateDocument(props.projectId, d().id, { tags });
      props.onSaved(document);
    } catch (err) {
      toast(errorMessage(err), "error");
    }
  }

  async function save(e: SubmitEvent) {
    e.preventDefault();
    const v = draft();
    if (!v) return;
    const year = v.year.trim() ? Number.parseInt(v.year, 10) : null;
    if (year !== null && !(year >= 1000 && year <= 2100)) return setError("Enter a year between 1000 and 2100.");
    setBusy(true);
    setError(null);
    try {
      const { document } = await api.updateDocument(props.projectId, d().id, {
        title: v.title.trim() || null,
        authors: v.authors.split(/\n|;/).map((s) => s.trim()).filter(Boolean),
        year,
        doi: v.doi.trim().replace(/^https?:\/\/(dx\.)?doi\.org\//i, "") || null,
        abstract: v.abstract.trim() || null,
      });
      props.onSaved(document);
      setDraft(null);
      toast("Details saved");
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="meta-panel">
      <Show
        when={draft()}
        fallback={
          <div class="meta-view">
            <h2 class="meta-title serif">{d().title ?? d().filename}</h2>
            <Show when={d().authors.length > 0} fallback={<p class="meta-muted">No authors recorded</p>}>
              <p class="meta-authors">{d().authors.join(", ")}</p>
            </Show>
            <dl class="meta-list">
              <dt>Year</dt>
              <dd>{d().year ?? "—"}</dd>
              <dt>DOI</dt>
              <dd>
                <Show when={d().doi} fallback="—">
                  <a href={`https://doi.org/${encodeURI(d().doi!)}`} target="_blank" rel="noopener noreferrer">
                    {d().doi}
                  </a>
                </Show>
              </dd>
              <dt>Pages</dt>
              <dd>{d().pageCount ?? "—"}</dd>
              <dt>File</dt>
              <dd class="meta-file">{d().filename}</dd>
              <dt>Added</dt>
              <dd>{formatDate(d().createdAt)}</dd>
            </dl>
            <DuplicateNotice doc={d()} canEdit={false} />
            <Show when={d().tags.length > 0 || props.canEdit}>
              <div class="meta-tags">
                <TagEditor tags={d().tags} canEdit={props.canEdit} label={d().title ?? d().filename} onChange={(tags) => void saveTags(tags)} />
              </div>
            </Show>
            <h3 class="meta-subheading">Abstract</h3>
            <p class="meta-abstract">{d().abstract ?? "No abstract recorded."}</p>
            <Show when={props.canEdit}>
              <button type="button" class="btn btn-secondary btn-sm" onClick={() => setDraft(draftOf(d()))}>
                Edit details
              </button>
            </Show>
            <ReferencesPanel projectId={props.projectId} documentId={d().id} />
          </div>
        }
      >
        {(v) => (
          <form class="meta-form" onSubmit={save}>
            <label class="field-label" for="meta-title">Title</label>
            <input id="meta-title" class="input" value={v().title} onInput={set("title")} maxLength={500} />
            <label class="field-label" for="meta-authors">Authors (one per line)</label>
            <textarea id="meta-authors" class="input meta-textarea" rows={3} value={v().authors} onInput={set("authors")} />
            <div class="meta-row">
              <div>
                <label class="field-label" for="meta-year">Year</label>
                <input id="meta-year" class="input" inputmode="numeric" value={v().year} onInput={set("year")} maxLength={4} />
              </div>
              <div>
                <label class="field-label" for="meta-doi">DOI</label>
                <input id="meta-doi" class="input" placeholder="10.1234/abc" value={v().doi} onInput={set("doi")} maxLength={200} />
              </div>
            </div>
            <label class="field-label" for="meta-abstract">Abstract</label>
            <textarea id="meta-abstract" class="input meta-textarea" rows={8} value={v().abstract} onInput={set("abstract")} maxLength={10_000} />
            <Show when={error()}>
              <p class="field-error" role="alert">
                {error()}
              </p>
            </Show>
            <div class="composer-actions">
              <button type="button" class="btn btn-ghost btn-sm" onClick={() => setDraft(null)}>
                Cancel
              </button>
              <button type="submit" class="btn btn-primary btn-sm" disabled={busy()}>
                Save details
              </button>
            </div>
          </form>
        )}
      </Show>
    </div>
  );
}
