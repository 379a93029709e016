// The reader for one paper: toolbar, find bar, the page column with its layers (highlights,
// find matches, collaborators), the selection toolbar, and the right-hand panel.
import { createEffect, createSignal, Match, on, onMount, Show, Switch } from "solid-js";
import type { DocumentDto, Role } from "../api";
import { createAnnotationsStore } from "./annotations-store";
import { createFind } from "./find";
import { FindBar } from "./FindBar";
import { FindLayer } from "./FindLayer";
import { HighlightLayer } from "./HighlightLayer";
import { useLiveSync } from "./live-sync";
import { MetadataPanel } from "./MetadataPanel";
import { PdfView } from "./PdfView";
import { createPeople } from "./people";
import { createFollow, PageMarkers, PresenceBar } from "./Presence";
import { createReaderUi } from "./reader-ui";
import { SelectionToolbar } from "./SelectionToolbar";
import { useReaderShortcuts } from "./shortcuts";
import { Sidebar } from "./Sidebar";
import { ReaderToolbar } from "./Toolbar";
import { initialPageFromUrl, initialTargetFromUrl, syncPageToUrl } from "./url-sync";
import { usePdf } from "./use-pdf";
import { createViewer } from "./viewer";

const PANEL_KEY = "sk.readerPanel";
type Panel = "annotations" | "info" | null;

export function ReaderView(props: { projectId: string; documentId: string; document: DocumentDto; role: Role; onDocument: (d: DocumentDto) => void }) {
  const viewer = createViewer();
  const find = createFind(viewer);
  const ui = createReaderUi();
  const store = createAnnotationsStore(props.projectId, props.documentId);
  const people = createPeople(props.projectId, props.role, store.nameOf);
  const fileUrl = `/api/projects/${encodeURIComponent(props.projectId)}/documents/${encodeURIComponent(props.documentId)}/file`;
  const pdf = usePdf(viewer, fileUrl, initialPageFromUrl());
  const ready = () => pdf.state() === "ready";
  const live = useLiveSync({ projectId: props.projectId, documentId: props.documentId, store, page: viewer.currentPage, ready, me: people.me });
  const follow = createFollow(viewer, live.collaborators);
  const [panel, setPanel] = createSignal<Panel>(readPanel());

  function togglePanel(which: Exclude<Panel, null>) {
    const next = panel() === which ? null : which;
    setPanel(next);
    try {
      localStorage.setItem(PANEL_KEY, next ?? "closed");
    } catch {
      // not remembered in private mode
    }
  }

  onMount(() => {
    const target = initialTargetFromUrl();
    void store.load().then(() => {
      const id = target?.kind === "annotation" ? target.id : target ? store.comment(target.id)?.annotationId : null;
      if (id) ui.focus(id);
    });
  });
  // Arriving from search (`?q=`): open the find bar on the query, from the linked page on.
  createEffect(
    on(ready, (isReady) => {
      const q = new URLSearchParams(location.search).get("q");
      if (isReady && q) requestAnimationFrame(() => (find.show(), void find.search(q)));
    }),
  );
  syncPageToUrl(viewer.currentPage, ready);
  useReaderShortcuts(viewer, find, () => togglePanel("annotations"));

  return (
    <div class="reader" classList={{ "panel-open": panel() !== null }}>
      <ReaderToolbar
        viewer={viewer}
        libraryHref={`/projects/${props.projectId}`}
        title={props.document.title ?? props.document.filename}
        onFind={() => find.show()}
        sidebarOpen={panel() === "annotations"}
        onToggleSidebar={() => togglePanel("annotations")}
        infoOpen={panel() === "info"}
        onToggleInfo={() => togglePanel("info")}
        presence={<PresenceBar collaborators={live.collaborators()} people={people} follow={follow} live={live.connection()} />}
      />
      <div class="reader-body">
        <div class="reader-main">
          <FindBar find={find} />
          <Switch>
            <Match when={pdf.state() === "error"}>
              <div class="reader-error" role="alert">
                <p>{pdf.error()}</p>
                <button type="button" class="btn btn-secondary" onClick={() => pdf.retry()}>
                  Try again
                </button>
              </div>
            </Match>
            <Match when={true}>
              <Show when={pdf.state() === "loading"}>
                <div class="reader-progress" role="status" aria-label="Loading the PDF">
                  <span style={{ width: `${Math.max(4, Math.round(pdf.progress() * 100))}%` }} />
                </div>
              </Show>
              <PdfView
                viewer={viewer}
                onUserScroll={follow.userScrolled}
                overlay={(page) => (
                  <>
                    <HighlightLayer viewer={viewer} store={store} ui={ui} people={people} page={page} />
                    <FindLayer viewer={viewer} find={find} page={page} />
                    <PageMarkers page={page} collaborators={live.collaborators()} people={people} />
                  </>
                )}
              />
              <SelectionToolbar viewer={viewer} store={store} ui={ui} people={people} />
            </Match>
          </Switch>
        </div>
        <Show when={panel()}>
          <aside class="reader-panel" aria-label={panel() === "info" ? "Paper details" : "Annotations"}>
            <Show when={panel() === "info"} fallback={<Sidebar store={store} ui={ui} people={people} viewer={viewer} />}>
              <MetadataPanel projectId={props.projectId} document={props.document} canEdit={people.canEditMeta} onSaved={props.onDocument} />
            </Show>
          </aside>
        </Show>
      </div>
    </div>
  );
}

function readPanel(): Panel {
  try {
    const v = localStorage.getItem(PANEL_KEY);
    return v === "closed" ? null : v === "info" ? "info" : "annotations";
  } catch {
    return "annotations";
  }
}
