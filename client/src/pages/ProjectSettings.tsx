// /projects/:projectId/settings: name, members, invites, and the danger zone.
import { useParams } from "@solidjs/router";
import { Match, Show, Switch } from "solid-js";
import { ApiError, errorMessage } from "../api";
import { ProjectMissing } from "../components/ProjectMissing";
import { ErrorState, SkeletonRows } from "../components/States";
import { createProjectResource } from "../stores/project";
import { user } from "../stores/session";
import { DangerZone } from "./settings/DangerZone";
import { InvitesSection } from "./settings/InvitesSection";
import { MembersSection } from "./settings/MembersSection";
import { RenameSection } from "./settings/RenameSection";

export default function ProjectSettings() {
  const params = useParams<{ projectId: string }>();
  const [project, { refetch, mutate }] = createProjectResource(() => params.projectId);

  return (
    <div class="page page-narrow">
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
          <header class="page-header">
            <h1 class="page-title">Project settings</h1>
          </header>
          <div class="panel">
            <SkeletonRows rows={3} label="Loading settings" />
          </div>
        </Match>
        <Match when={project()}>
          {(p) => (
            <>
              <header class="page-header">
                <div>
                  <h1 class="page-title">Project settings</h1>
                  <p class="page-subtitle serif-inline">{p().name}</p>
                </div>
              </header>
              <RenameSection project={p()} onRenamed={(next) => mutate(next)} />
              <MembersSection project={p()} me={user()!} onMyRoleChanged={() => void refetch()} />
              <Show when={p().role === "owner"}>
                <InvitesSection project={p()} />
              </Show>
              <DangerZone project={p()} me={user()!} />
            </>
          )}
        </Match>
      </Switch>
    </div>
  );
}
