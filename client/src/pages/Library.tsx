// The project's library. Papers arrive with the next issue; until then an honest empty state.
import { A, useParams } from "@solidjs/router";
import { Match, Show, Switch } from "solid-js";
import { ApiError, errorMessage } from "../api";
import { Icon } from "../components/Icon";
import { RoleBadge } from "../components/RoleBadge";
import { ProjectMissing } from "../components/ProjectMissing";
import { ErrorState } from "../components/States";
import { createProjectResource } from "../stores/project";

export default function Library() {
  const params = useParams<{ projectId: string }>();
  const [project, { refetch }] = createProjectResource(() => params.projectId);

  return (
    <div class="page">
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
        <Match when={project()}>
          {(p) => (
            <>
              <header class="page-header">
                <div>
                  <h1 class="page-title serif">{p().name}</h1>
                  <p class="page-subtitle">
                    Library · you are <RoleBadge role={p().role} />
                  </p>
                </div>
                <A href={`/projects/${p().id}/settings`} class="btn btn-secondary">
                  <Icon name="users" /> Members and settings
                </A>
              </header>
              <section class="library-empty" aria-labelledby="library-empty-title">
                <div class="empty-icon">
                  <Icon name="file" size={24} />
                </div>
                <h2 id="library-empty-title" class="empty-title">
                  No papers yet
                </h2>
                <p class="empty-text">
                  Uploading PDFs is coming next. Soon you will drop papers here to add them to <strong>{p().name}</strong>, read them together and
                  discuss them in the margins.
                </p>
                <Show when={p().role === "owner"}>
                  <A href={`/projects/${p().id}/settings#invite`} class="btn btn-secondary">
                    Invite collaborators meanwhile
                  </A>
                </Show>
              </section>
            </>
          )}
        </Match>
      </Switch>
    </div>
  );
}
