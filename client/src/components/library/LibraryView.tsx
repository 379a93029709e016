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
import { useDiscussion } from "./discussion";
import { DocumentTable } from "./DocumentTable";
import { DropOverlay } from "./DropOverlay";
import { duplicateReason } from "./DuplicateNotice";
import { ExportMenu } from "./ExportMenu";
import { LibraryEmpty } from "./LibraryEmpty";
import { LibraryToolbar } from "./LibraryToolbar";
import { TagFilter } from "./TagFilter";
import { ConnectionPill, LiveRegion, PresenceAvatars } from "./LiveStatus";
import { TextDialog } from "./TextDialog";
import { UploadTray } from "./UploadTray";

export function LibraryView(props: { project: ProjectDto }) {
  const projectId = () => props.project.id;
  const canEdit = () => props.project.role !== "viewer";
  const live = useLive(projectId);
  const [members] = createResource(projectId, (id) => api.listMembers(id).then((p) => p.items));
  const discussion = useDiscussion(projectId, live);

  const [text, setText] = createSignal("");
  const [status, setStatus] = createSignal<DocumentStatus | "">("");
  const [sort, setSort] = createSignal<SortKey>("added");
  const [serverQ, setServerQ] = createSignal("");
  const [reading, setReading] = createSignal<DocumentDto | null>(null);
  const [deleting, setDeleting] = createSignal<DocumentDto | null>(null);
  const [tag, setTag] = createSignal("");
  const [merging, setMerging] = createSignal<DocumentDto | null>(null);
  const [selected, setSelected] = createSignal<ReadonlySet<string>>(new Set());

  // The text filter narrows the loaded rows at once and asks the server (beyond the loaded page) after a pause.
  let debounce: ReturnType<typeof setTimeout> | undefined;
  createEffect(on(text, (value) => {
    clearTimeout(debounce);
    debounce = setTimeout(() => setServerQ(value.trim()), 350);
  }, { defer: true }));
  onCleanup(() => clearTimeout(debounce));

  createEffect(() => {
    const query = { status: status() || undefined, q: serverQ() || undefined, tag: tag() || undefined };
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

  const rows = createMemo(() =>
    viewRows(library.items, { text: text(), status: status(), sort: sort(), lastActivity: (id) => discussion().get(id)?.lastActivityAt }).filter(
      (d) => !tag() || d.tags.includes(tag()),
    ),
  );
  const filtered = () => !!(text().trim() || status() || tag());
  // Every tag seen in this project's list; while one tag filters the list, the others stay offered.
  const knownTags = createMemo<string[]>((prev) => {
    const seen = new Set(tag() ? prev : []);
    for (const d of library.items) for (const t of d.tags) seen.add(t);
    return [...seen].sort((a, b) => a.localeCompare(b));
  }, []);
  const selectedIds = createMemo(() => library.items.filter((d) => selected().has(d.id)).map((d) => d.id));
  const selection = {
    get all() {
      return rows().length > 0 && rows().every((d) => selected().has(d.id));
    },
    get some() {
      return rows().some((d) => selected().has(d.id));
    },
    onToggleAll: (on: boolean) => setSelected(on ? new Set([...selected(), ...rows().map((d) => d.id)]) : new Set<string>()),
  };
  const select = (id: string, on: boolean) =>
    setSelected((cur) => {
      const next = new Set(cur);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
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
  const setTags = async (doc: DocumentDto, tags: string[]) => {
    const before = doc.tags;
    patchDocument(doc.id, { tags });
    try {
      const { document } = await api.updateDocument(projectId(), doc.id, { tags });
      patchDocument(doc.id, { tags: document.tags });
    } catch (error) {
      patchDocument(doc.id, { tags: before });
      toast(errorMessage(error), "error");
    }
  };
  const keepDuplicate = async (doc: DocumentDto) => {
    const before = doc.duplicateOf;
    patchDocument(doc.id, { duplicateOf: null });
    try {
      await api.resolveDuplicate(projectId(), doc.id, "keep");
      announce(`Kept ${displayTitle(doc)} as a separate paper`);
    } catch (error) {
      patchDocument(doc.id, { duplicateOf: before });
      toast(errorMessage(error), "error");
    }
  };
  const merge = async () => {
    const doc = merging();
    if (!doc) return;
    const { document } = await api.resolveDuplicate(projectId(), doc.id, "merge");
    removeDocument(doc.id);
    patchDocument(document.id, document);
    toast(`Merged into ${displayTitle(document)}`);
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
          <Show when={library.items.length}>
            <ExportMenu projectId={projectId()} selected={selectedIds()} />
          </Show>
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
          <TagFilter tags={knownTags()} active={tag()} onPick={setTag} />
          <DocumentTable
            rows={rows()}
            actions={{
              canEdit: canEdit(),
              addedBy,
              discussionOf: (id) => discussion().get(id),
              onViewText: setReading,
              onReparse: (d) => void reparse(d),
              onDelete: setDeleting,
              onTags: (d, tags) => void setTags(d, tags),
              onPickTag: setTag,
              onKeepDuplicate: (d) => void keepDuplicate(d),
              onMergeDuplicate: setMerging,
              isSelected: (id) => selected().has(id),
              onSelect: select,
            }}
            selection={selection}
            hasMore={!!library.nextCursor}
            loadingMore={library.loadingMore}
            onLoadMore={() => void loadMore()}
            filtered={filtered()}
            onClearFilters={() => {
              setText("");
              setStatus("");
              setTag("");
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
      <ConfirmDialog
        open={merging() !== null}
        onOpenChange={(open) => !open && setMerging(null)}
        title="Merge these papers?"
        description={
          <Show when={merging()?.duplicateOf}>
            {(dup) => (
              <>
                <strong class="serif">{displayTitle(merging()!)}</strong> looks like <strong class="serif">{dup().title ?? "an older paper"}</strong> (
                {duplicateReason(dup().reason)}). Merging keeps the older paper, adds this one's tags and any details it lacks, and then deletes this
                newer copy — its file, highlights and comments — for everyone in the project. This cannot be undone.
              </>
            )}
          </Show>
        }
        confirmLabel="Merge papers"
        onConfirm={merge}
      />
      <Show when={canEdit()}>
        <DropOverlay projectName={props.project.name} onFiles={upload} />
      </Show>
      <UploadTray projectId={projectId()} />
      <LiveRegion />
    </>
  );
}
