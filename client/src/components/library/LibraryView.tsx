// The library of one project: header with presence, toolbar, table (or the empty drop
// target), text dialog, delete confirmation, drop overlay and upload tray. The list follows
// the project's live socket; nothing polls.
import { createEffect, createMemo, createResource, createSignal, Match, on, onCleanup, Show, Switch, untrack } from "solid-js";
import { A } from "@solidjs/router";
import { api, errorMessage, type DocumentDto, type DocumentStatus, type ProjectDto } from "../../api";
import { viewRows, type SortKey } from "../../lib/library-view";
import { displayTitle, failureText } from "../../lib/papers";
import { useLive, useLiveEvent } from "../../live";
import { announce } from "../../stores/announcer";
import { followLive, library, loadLibrary, loadMore, patchDocument, removeDocument } from "../../stores/documents";
import { enqueueUploads } from "../../stores/uploads";
import { toast } from "../../stores/toasts";
import { ConfirmDialog } from "../ConfirmDialog";
import { Icon } from "../Icon";
import { RoleBadge } from "../RoleBadge";
import { ErrorState, SkeletonRows } from "../States";
import { DocumentTable } from "./DocumentTable";
import { DropOverlay } from "./DropOverlay";
import { LibraryEmpty } from "./LibraryEmpty";
import { LibraryToolbar } from "./LibraryToolbar";
import { ConnectionPill, LiveRegion, PresenceAvatars } from "./LiveStatus";
import { TextDialog } from "./TextDialog";
import { UploadTray } from "./UploadTray";

export function LibraryView(props: { project: ProjectDto }) {
  const projectId = () => props.project.id;
  const canEdit = () => props.project.role !== "viewer";
  const live = useLive(projectId);
  const [members] = createResource(projectId, (id) => api.listMembers(id).then((p) => p.items));

  const [text, setText] = createSignal("");
  const [status, setStatus] = createSignal<DocumentStatus | "">("");
  const [sort, setSort] = createSignal<SortKey>("added");
  const [serverQ, setServerQ] = createSignal("");
  const [reading, setReading] = createSignal<DocumentDto | null>(null);
  const [deleting, setDeleting] = createSignal<DocumentDto | null>(null);

  // The text filter narrows the loaded rows at once and asks the server (beyond the loaded page) after a pause.
  let debounce: ReturnType<typeof setTimeout> | undefined;
  createEffect(on(text, (value) => {
    clearTimeout(debounce);
    debounce = setTimeout(() => setServerQ(value.trim()), 350);
  }, { defer: true }));
  onCleanup(() => clearTimeout(debounce));

  createEffect(() => {
    const query = { status: status() || undefined, q: serverQ() || undefined };
    const id = projectId();
    untrack(() => void loadLibrary(id, query));
  });
  createEffect(() => {
    const conn = live();
    if (conn) onCleanup(followLive(conn));
  });
  useLiveEvent(live, "document.status", (e) => {
    if (e.status !== "parsed" && e.status !== "failed") return;
    const doc = library.items.find((d) => d.id === e.documentId);
    const name = doc ? displayTitle(doc) : "A paper";
    announce(e.status === "parsed" ? `${name} is parsed` : `${name} failed: ${failureText(e.error)}`);
  });

  const rows = createMemo(() => viewRows(library.items, { text: text(), status: status(), sort: sort() }));
  const filtered = () => !!(text().trim() || status());
  const names = createMemo(() => new Map((members() ?? []).map((m) => [m.userId, m.name])));
  const addedBy = (userId: string) => (userId === live()?.userId() ? "You" : (names().get(userId) ?? (members() ? "A former member" : "…")));

  let fileInput: HTMLInputElement | undefined;
  const upload = (files: File[]) => enqueueUploads(projectId(), files);

  const reparse = async (doc: DocumentDto) => {
    const before = { status: doc.status, progress: doc.progress, error: doc.error };
    patchDocument(doc.id, { status: "queued", progress: { pages: 0, total: doc.progress.total }, error: null });
    try {
      await api.reparseDocument(projectId(), doc.id);
      announce(`${displayTitle(doc)} queued to be read again`);
    } catch (error) {
      patchDocument(doc.id, before);
      toast(errorMessage(error), "error");
    }
  };
  const remove = async () => {
    const doc = deleting();
    if (!doc) return;
    await api.deleteDocument(projectId(), doc.id);
    removeDocument(doc.id);
    toast(`Deleted ${displayTitle(doc)}`);
  };

  return (
    <>
      <header class="page-header lib-header">
        <div>
          <h1 class="page-title serif">{props.project.name}</h1>
          <p class="page-subtitle">
            <Show when={library.items.length}>
              {library.items.length}
              {library.nextCursor ? "+" : ""} {library.items.length === 1 ? "paper" : "papers"} ·{" "}
            </Show>
            you are <RoleBadge role={props.project.role} />
          </p>
        </div>
        <div class="lib-header-side">
          <ConnectionPill live={live()} />
          <PresenceAvatars live={live()} />
          <A href={`/projects/${projectId()}/settings`} class="btn btn-secondary">
            <Icon name="users" /> Members and settings
          </A>
        </div>
      </header>

      <input
        ref={fileInput}
        type="file"
        accept="application/pdf,.pdf"
        multiple
        hidden
        aria-label="Choose PDF files to upload"
        data-testid="upload-input"
        onChange={(e) => {
          const files = [...(e.currentTarget.files ?? [])];
          e.currentTarget.value = "";
          if (files.length) upload(files);
        }}
      />

      <Switch>
        <Match when={library.error && !library.items.length}>
          <ErrorState message={library.error!} onRetry={() => void loadLibrary(projectId(), library.query)} />
        </Match>
        <Match when={library.loading && !library.items.length}>
          <div class="panel">
            <SkeletonRows rows={5} label="Loading papers" />
          </div>
        </Match>
        <Match when={!library.items.length && !filtered() && !serverQ()}>
          <LibraryEmpty canUpload={canEdit()} onPick={() => fileInput?.click()} />
        </Match>
        <Match when={true}>
          <LibraryToolbar
            text={text()}
            onText={setText}
            status={status()}
            onStatus={setStatus}
            sort={sort()}
            onSort={setSort}
            canUpload={canEdit()}
            onUploadClick={() => fileInput?.click()}
          />
          <DocumentTable
            rows={rows()}
            actions={{ canEdit: canEdit(), addedBy, onViewText: setReading, onReparse: (d) => void reparse(d), onDelete: setDeleting }}
            hasMore={!!library.nextCursor}
            loadingMore={library.loadingMore}
            onLoadMore={() => void loadMore()}
            filtered={filtered()}
            onClearFilters={() => {
              setText("");
              setStatus("");
            }}
          />
        </Match>
      </Switch>

      <TextDialog doc={reading()} onClose={() => setReading(null)} />
      <ConfirmDialog
        open={deleting() !== null}
        onOpenChange={(open) => !open && setDeleting(null)}
        title="Delete this paper?"
        description={
          <>
            <strong class="serif">{deleting() ? displayTitle(deleting()!) : ""}</strong> and its highlights and comments will be removed for everyone in
            the project. This cannot be undone.
          </>
        }
        confirmLabel="Delete paper"
        onConfirm={remove}
      />
      <Show when={canEdit()}>
        <DropOverlay projectName={props.project.name} onFiles={upload} />
      </Show>
      <UploadTray projectId={projectId()} />
      <LiveRegion />
    </>
  );
}
