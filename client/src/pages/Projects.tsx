// The project list: name, your role, who is in it now, created. Empty state invites creating the first one.
import { A } from "@solidjs/router";
import { For, Match, Show, Switch } from "solid-js";
import { Icon } from "../components/Icon";
import { RoleBadge } from "../components/RoleBadge";
import { EmptyState, ErrorState, SkeletonRows } from "../components/States";
import { formatDate } from "../lib/format";
import { namesOf, onlineIn } from "../stores/online";
import { loadProjects, projects, projectsError } from "../stores/projects";
import { setNewProjectOpen } from "../stores/ui";

export default function Projects() {
  return (
    <div class="page">
      <header class="page-header">
        <div>
          <h1 class="page-title">Projects</h1>
          <p class="page-subtitle">Each project is a shared library of papers for one group or question.</p>
        </div>
        <button type="button" class="btn btn-primary" onClick={() => setNewProjectOpen(true)}>
          <Icon name="plus" /> New project
        </button>
      </header>

      <Switch>
        <Match when={projectsError()}>
          <ErrorState message={projectsError()!} onRetry={() => void loadProjects()} />
        </Match>
        <Match when={projects() === undefined}>
          <div class="panel">
            <SkeletonRows rows={4} label="Loading projects" />
          </div>
        </Match>
        <Match when={projects()!.length === 0}>
          <div class="panel">
            <EmptyState
            icon="folder"
            title="Start your first project"
            action={
              <button type="button" class="btn btn-primary" onClick={() => setNewProjectOpen(true)}>
                <Icon name="plus" /> Create a project
              </button>
            }
          >
            Gather the papers your group reads, then invite collaborators to highlight and discuss them together.
          </EmptyState>
          </div>
        </Match>
        <Match when={projects()}>
          <div class="panel">
            <table class="table projects-table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Your role</th>
                  <th scope="col">Here now</th>
                  <th scope="col">Created</th>
                  <th scope="col">
                    <span class="visually-hidden">Settings</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                <For each={projects()}>
                  {(p) => (
                    <tr>
                      <td class="cell-title">
                        <A href={`/projects/${p.id}`} class="project-link serif">
                          {p.name}
                        </A>
                      </td>
                      <td>
                        <RoleBadge role={p.role} />
                      </td>
                      <td class="muted project-online">
                        <Show when={onlineIn(p.id).length} fallback={
                            <>
                              <span aria-hidden="true">—</span>
                              <span class="visually-hidden">Nobody else</span>
                            </>
                          }>
                          <span class="rail-online-dot" aria-hidden="true" /> {namesOf(onlineIn(p.id))}
                        </Show>
                      </td>
                      <td class="muted">
                        <time datetime={p.createdAt}>{formatDate(p.createdAt)}</time>
                      </td>
                      <td class="cell-actions">
                        <A href={`/projects/${p.id}/settings`} class="btn btn-ghost btn-sm" aria-label={`Settings for ${p.name}`}>
                          <Icon name="settings" /> Settings
                        </A>
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
        </Match>
      </Switch>
    </div>
  );
}
