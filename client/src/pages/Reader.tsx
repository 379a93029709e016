// /projects/:projectId/papers/:documentId?page=N — loads the paper's record and the project
// (for the caller's role), then mounts a fresh reader per paper.
//
// The two records are plain signals filled by their fetches, not resources read under the
// shell's <Suspense>: reached by an in-app link, this page is created inside the router's
// transition, and with solid-js 1.9.20 a resource that resolves while that transition is still
// pending (the paper before the project) can lose its transition value when the computation that
// read it is reset (`releaseTransitionSource`), so the page stayed on its skeleton after both
// calls had answered. Signals written by a fetch callback land outside any transition.
import { A, useParams } from "@solidjs/router";
import { batch, createEffect, createSignal, Match, on, onCleanup, Show, Switch } from "solid-js";
import { ApiError, api, errorMessage, type DocumentDto, type ProjectDto } from "../api";
import { ProjectMissing } from "../components/ProjectMissing";
import { EmptyState, ErrorState } from "../components/States";
import { loadPdfjs } from "../reader/pdf";
import { ReaderView } from "../reader/ReaderView";
import { upsertProject } from "../stores/projects";
import "../styles/reader.css";
import "../styles/reader-annotations.css";
import "../styles/reader-cards.css";
import "../styles/reader-meta.css";
import "../styles/reader-textlayer.css";
import "../styles/reader-find.css";

// Fetch pdf.js and its worker while the paper's record and the project load.
void loadPdfjs();

const is404 = (e: unknown) => e instanceof ApiError && e.status === 404;

export default function Reader() {
  const params = useParams<{ projectId: string; documentId: string }>();
  const [project, setProject] = createSignal<ProjectDto>();
  const [doc, setDoc] = createSignal<DocumentDto>();
  const [projectError, setProjectError] = createSignal<unknown>();
  const [docError, setDocError] = createSignal<unknown>();
  let generation = 0;

  function load(projectId: string, documentId: string) {
    const mine = ++generation;
    const current = () => mine === generation;
    batch(() => {
      if (project()?.id !== projectId) setProject(undefined);
      setDoc(undefined);
      setProjectError(undefined);
      setDocError(undefined);
    });
    api.getProject(projectId).then(
      ({ project: p }) => current() && (upsertProject(p), setProject(p)),
      (e: unknown) => current() && setProjectError(e),
    );
    api.getDocument(projectId, documentId).then(
      ({ document: d }) => current() && setDoc(d),
      (e: unknown) => current() && setDocError(e),
    );
  }
  const refetch = () => load(params.projectId, params.documentId);

  // Started now (not in an effect, which would wait for the route transition to commit),
  // then again whenever the route's ids change.
  load(params.projectId, params.documentId);
  createEffect(on(() => [params.projectId, params.documentId] as const, ([projectId, documentId]) => projectId && documentId && load(projectId, documentId), { defer: true }));
  onCleanup(() => void ++generation);

  const failure = () => docError() ?? projectError();

  return (
    <Switch>
      <Match when={failure()}>
        <div class="page">
          <Switch fallback={<ErrorState message={errorMessage(failure())} onRetry={() => void refetch()} />}>
            <Match when={is404(projectError())}>
              <ProjectMissing />
            </Match>
            <Match when={is404(docError())}>
              <EmptyState icon="file" title="Paper not found" action={<A href={`/projects/${params.projectId}`} class="btn btn-primary">Back to the library</A>}>
                It may have been deleted from this project.
              </EmptyState>
            </Match>
          </Switch>
        </div>
      </Match>
      <Match when={doc() && project()}>
        <Show when={params.documentId} keyed>
          {(documentId) => <ReaderView projectId={params.projectId} documentId={documentId} document={doc()!} role={project()!.role} onDocument={setDoc} />}
        </Show>
      </Match>
      <Match when={true}>
        <div class="reader reader-loading" role="status" aria-label="Loading paper">
          <div class="reader-toolbar">
            <span class="skeleton skeleton-text" style={{ width: "240px" }} />
          </div>
          <div class="reader-body">
            <div class="pdf-scroller">
              <div class="pdf-pages">
                <div class="pdf-page skeleton-page" />
              </div>
            </div>
          </div>
        </div>
      </Match>
    </Switch>
  );
}
