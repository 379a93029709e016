// /projects/:projectId/papers/:documentId?page=N — loads the paper's record and the project
// (for the caller's role), then mounts a fresh reader per paper.
import { A, useParams } from "@solidjs/router";
import { createResource, Match, Show, Switch } from "solid-js";
import { ApiError, api, errorMessage } from "../api";
import { ProjectMissing } from "../components/ProjectMissing";
import { EmptyState, ErrorState } from "../components/States";
import { loadPdfjs } from "../reader/pdf";
import { ReaderView } from "../reader/ReaderView";
import { createProjectResource } from "../stores/project";
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
  const [project] = createProjectResource(() => params.projectId);
  const [doc, { mutate, refetch }] = createResource(
    () => [params.projectId, params.documentId] as const,
    ([projectId, documentId]) => api.getDocument(projectId, documentId).then((r) => r.document),
  );
  const failure = () => doc.error ?? project.error;

  return (
    <Switch>
      <Match when={failure()}>
        <div class="page">
          <Switch fallback={<ErrorState message={errorMessage(failure())} onRetry={() => void refetch()} />}>
            <Match when={is404(project.error)}>
              <ProjectMissing />
            </Match>
            <Match when={is404(doc.error)}>
              <EmptyState icon="file" title="Paper not found" action={<A href={`/projects/${params.projectId}`} class="btn btn-primary">Back to the library</A>}>
                It may have been deleted from this project.
              </EmptyState>
            </Match>
          </Switch>
        </div>
      </Match>
      <Match when={doc() && project()}>
        <Show when={params.documentId} keyed>
          {(documentId) => <ReaderView projectId={params.projectId} documentId={documentId} document={doc()!} role={project()!.role} onDocument={mutate} />}
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
