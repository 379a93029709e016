// The signed-in frame: left rail of projects, top bar, verify banner. Signed-out visitors
// are sent to /login with `next` set to where they were going.
import { A, useLocation, useMatch, useNavigate, type RouteSectionProps } from "@solidjs/router";
import { createEffect, For, Match, on, onCleanup, Show, Suspense, Switch } from "solid-js";
import { loginHref } from "../lib/next";
import { followOnline, namesOf, onlineIn } from "../stores/online";
import { loadProjects, projects, projectsError } from "../stores/projects";
import { loadError, loadSession, user } from "../stores/session";
import { railCollapsed, setNewProjectOpen, toggleRail } from "../stores/ui";
import { Icon, Logo } from "./Icon";
import { NewProjectDialog } from "./NewProjectDialog";
import { SearchBox } from "./SearchBox";
import { ErrorState } from "./States";
import { UserMenu } from "./UserMenu";
import { VerifyBanner } from "./VerifyBanner";

export function AppShell(props: RouteSectionProps) {
  const navigate = useNavigate();
  const location = useLocation();
  const projectMatch = useMatch(() => "/projects/:projectId/*");
  const projectId = () => projectMatch()?.params.projectId;
  const currentProject = () => projects()?.find((p) => p.id === projectId());

  createEffect(() => {
    if (user() === null) navigate(loginHref(location.pathname + location.search), { replace: true });
  });
  createEffect(
    on(
      () => user()?.id,
      (id) => {
        if (!id) return;
        void loadProjects();
        onCleanup(followOnline());
      },
    ),
  );

  return (
    <div class="shell" classList={{ "rail-collapsed": railCollapsed() }}>
      <a href="#main" class="skip-link">
        Skip to content
      </a>
      <nav class="rail" aria-label="Projects">
        <A href="/projects" class="rail-brand" end>
          <Logo size={24} />
          <span class="wordmark">Scrollkeeper</span>
        </A>
        <div class="rail-section">
          <div class="rail-heading">
            <span>Projects</span>
            <button type="button" class="btn-icon btn-icon-sm" aria-label="New project" title="New project" onClick={() => setNewProjectOpen(true)}>
              <Icon name="plus" size={14} />
            </button>
          </div>
          <Switch>
            <Match when={projectsError()}>
              <p class="rail-note">Projects could not be loaded.</p>
            </Match>
            <Match when={projects() === undefined}>
              <div class="rail-skeleton" role="status" aria-label="Loading projects">
                <span class="skeleton skeleton-text" />
                <span class="skeleton skeleton-text" />
                <span class="skeleton skeleton-text" />
              </div>
            </Match>
            <Match when={projects()?.length === 0}>
              <p class="rail-note">No projects yet.</p>
            </Match>
            <Match when={projects()}>
              <ul class="rail-list">
                <For each={projects()}>
                  {(p) => {
                    const here = () => onlineIn(p.id);
                    return (
                      <li>
                        <A
                          href={`/projects/${p.id}`}
                          class="rail-link"
                          activeClass="active"
                          title={here().length ? `${p.name} — ${namesOf(here())} ${here().length === 1 ? "is" : "are"} here` : p.name}
                        >
                          <span class="rail-dot" aria-hidden="true" />
                          <span class="rail-link-text">{p.name}</span>
                          <Show when={here().length}>
                            <span class="rail-online" data-testid="rail-online">
                              <span class="rail-online-dot" aria-hidden="true" />
                              <span aria-hidden="true">{here().length}</span>
                              <span class="visually-hidden">, {here().length} online</span>
                            </span>
                          </Show>
                        </A>
                      </li>
                    );
                  }}
                </For>
              </ul>
            </Match>
          </Switch>
        </div>
        <div class="rail-footer">
          <button type="button" class="btn btn-secondary btn-block" onClick={() => setNewProjectOpen(true)}>
            <Icon name="plus" /> New project
          </button>
        </div>
      </nav>

      <div class="shell-main">
        <header class="topbar">
          <button
            type="button"
            class="btn-icon"
            aria-label={railCollapsed() ? "Show projects sidebar" : "Hide projects sidebar"}
            aria-expanded={!railCollapsed()}
            title="Toggle sidebar"
            onClick={toggleRail}
          >
            <Icon name="sidebar" />
          </button>
          <div class="topbar-title">
            <Show when={projectId()} fallback={<span class="topbar-crumb">{sectionTitle(location.pathname)}</span>}>
              <A href="/projects" class="topbar-crumb topbar-crumb-link">
                Projects
              </A>
              <span class="topbar-sep" aria-hidden="true">
                /
              </span>
              <A href={`/projects/${projectId()}`} class="topbar-project serif">
                {currentProject()?.name ?? "…"}
              </A>
              <Show when={currentProject()}>
                <A href={`/projects/${projectId()}/graph`} class="btn-icon" activeClass="active" aria-label="Citation graph" title="Citation graph">
                  <Icon name="graph" />
                </A>
                <A href={`/projects/${projectId()}/settings`} class="btn-icon" aria-label="Project settings" title="Project settings">
                  <Icon name="settings" />
                </A>
              </Show>
            </Show>
          </div>
          <Show when={projectId()} keyed>
            {(id) => <SearchBox projectId={id} />}
          </Show>
          <div class="topbar-actions">
            <Show when={user()}>{(u) => <UserMenu user={u()} />}</Show>
          </div>
        </header>
        <Show when={user() && !user()!.emailVerified}>
          <VerifyBanner user={user()!} />
        </Show>
        <main id="main" class="content" tabindex="-1">
          <Switch>
            <Match when={loadError()}>
              <div class="page">
                <ErrorState title="Scrollkeeper could not reach the server" message={loadError()!} onRetry={() => void loadSession()} />
              </div>
            </Match>
            <Match when={user()}>
              <Suspense fallback={<div class="page" role="status" aria-label="Loading" />}>{props.children}</Suspense>
            </Match>
          </Switch>
        </main>
      </div>
      <NewProjectDialog />
    </div>
  );
}

function sectionTitle(path: string): string {
  if (path.startsWith("/settings/tokens")) return "API tokens";
  if (path.startsWith("/billing")) return "Plans and billing";
  return "Projects";
}
