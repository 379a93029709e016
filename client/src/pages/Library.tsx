// The project's library (/projects/:projectId): loads the project, then the papers view.
import { useParams } from "@solidjs/router";
import { Match, Show, Switch } from "solid-js";
import { ApiError, errorMessage } from "../api";
import { LibraryView } from "../components/library/LibraryView";
import { ProjectMissing } from "../components/ProjectMissing";
import { ErrorState } from "../components/States";
import { createProjectResource } from "../stores/project";
import "../styles/library.css";
import "../styles/library-overlays.css";
import "../styles/library-status.css";

export default function Library() {
  const params = useParams<{ projectId: string }>();
  const [project, { refetch }] = createProjectResource(() => params.projectId);

  return (
    <div class="page page-wide">
      <Switch>
        <Match when={project.error}>
          <Show
            when={project.error instanceof ApiError && project.error.status === 404}
            fallback={<ErrorState message={errorMessage(project.error)} onRetry={() => void refetch()} />}
          >
            <ProjectMissing />
          </Show>
        </Match>
        <Match when={project.loading && !project()}>
          <header class="page-header" role="status" aria-label="Loading project">
            <div class="skeleton skeleton-title" />
          </header>
        </Match>
        <Match when={project()}>{(p) => <LibraryView project={p()} />}</Match>
      </Switch>
    </div>
  );
}
