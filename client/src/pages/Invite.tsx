// /invites/:token: who invited you to what, then accept, sign up, sign in or switch account.
import { A, useNavigate, useParams } from "@solidjs/router";
import { createResource, createSignal, Match, Show, Switch } from "solid-js";
import { ApiError, api, errorMessage, type InvitePreview, type UserDto } from "../api";
import { AuthLayout } from "../components/AuthLayout";
import { FormError } from "../components/Field";
import { Icon } from "../components/Icon";
import { RoleBadge } from "../components/RoleBadge";
import { formatDate, roleCan, roleLabel } from "../lib/format";
import { clearProjects, upsertProject } from "../stores/projects";
import { loadSession, signOut, user } from "../stores/session";
import { toast } from "../stores/toasts";

export default function Invite() {
  const params = useParams<{ token: string }>();
  const [invite] = createResource(
    () => params.token,
    async (token) => (await api.getInvite(token)).invite,
  );

  const title = () => {
    if (invite.loading) return "Opening invitation…";
    if (invite.error) return "Invitation not found";
    const i = invite();
    if (i?.accepted) return "Invitation already used";
    if (i?.expired) return "Invitation expired";
    return "You are invited";
  };

  return (
    <AuthLayout title={title()}>
      <Switch>
        <Match when={invite.loading}>
          <div class="result" role="status">
            <span class="spinner spinner-lg" aria-hidden="true" />
          </div>
        </Match>
        <Match when={invite.error}>
          <div class="result">
            <div class="result-icon result-icon-danger">
              <Icon name="alert" size={20} />
            </div>
            <p role="alert">
              {invite.error instanceof ApiError && invite.error.status === 404
                ? "This invitation link is not valid. It may have been revoked, or the link was cut short: open it again from the email."
                : errorMessage(invite.error)}
            </p>
            <A href="/projects" class="btn btn-secondary">
              Go to Scrollkeeper
            </A>
          </div>
        </Match>
        <Match when={invite()?.accepted}>
          <div class="result">
            <p>This invitation to <strong class="serif-inline">{invite()!.projectName}</strong> was already accepted. If it was you, the project is in your list.</p>
            <A href="/projects" class="btn btn-primary">
              Go to your projects
            </A>
          </div>
        </Match>
        <Match when={invite()?.expired}>
          <div class="result">
            <div class="result-icon result-icon-warning">
              <Icon name="alert" size={20} />
            </div>
            <p>
              This invitation to <strong class="serif-inline">{invite()!.projectName}</strong> expired on {formatDate(invite()!.expiresAt)}. Ask{" "}
              {invite()!.inviterName} to send a new one.
            </p>
          </div>
        </Match>
        <Match when={invite()}>{(i) => <InviteDetails invite={i()} token={params.token} />}</Match>
      </Switch>
    </AuthLayout>
  );
}

function InviteDetails(props: { invite: InvitePreview; token: string }) {
  const navigate = useNavigate();
  const [pending, setPending] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const here = () => `/invites/${encodeURIComponent(props.token)}`;
  const withParams = (path: string) => `${path}?${new URLSearchParams({ next: here(), email: props.invite.email }).toString()}`;

  const accept = async () => {
    setPending(true);
    setError(null);
    try {
      const { project } = await api.acceptInvite(props.token);
      upsertProject(project);
      // Accepting an emailed invite also confirms the address: refresh the user for the banner.
      void loadSession();
      toast(`You joined “${project.name}”`);
      navigate(`/projects/${project.id}`, { replace: true });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setPending(false);
    }
  };

  const switchAccount = async () => {
    try {
      await signOut();
    } catch {
      // the session is dropped locally either way
    }
    clearProjects();
  };

  return (
    <div class="stack">
      <div class="invite-card">
        <p class="invite-lead">
          <strong>{props.invite.inviterName}</strong> invited you to <strong class="serif-inline">{props.invite.projectName}</strong> as <RoleBadge role={props.invite.role} />
        </p>
        <p class="muted small">
          {roleLabel[props.invite.role]}s can {roleCan[props.invite.role]}.
        </p>
        <p class="muted small">
          Sent to <strong>{props.invite.email}</strong> · expires {formatDate(props.invite.expiresAt)}
        </p>
      </div>
      <Switch>
        <Match when={user() === undefined}>
          <div class="skeleton skeleton-button" role="status" aria-label="Checking your account" />
        </Match>
        <Match when={user() === null}>
          <A href={withParams("/signup")} class="btn btn-primary btn-block">
            Create an account to join
          </A>
          <A href={withParams("/login")} class="btn btn-secondary btn-block">
            I already have an account
          </A>
        </Match>
        <Match when={user()!.email === props.invite.email}>
          <p class="muted small">
            Signed in as <strong>{user()!.email}</strong>
          </p>
          <FormError message={error()} />
          <button type="button" class="btn btn-primary btn-block" onClick={accept} disabled={pending()} aria-busy={pending()}>
            <Show when={pending()}>
              <span class="spinner" aria-hidden="true" />
            </Show>
            {pending() ? "Joining…" : "Accept invitation"}
          </button>
        </Match>
        <Match when={user()}>{(u) => <WrongAccount user={u()} invite={props.invite} onSwitch={switchAccount} />}</Match>
      </Switch>
    </div>
  );
}

function WrongAccount(props: { user: UserDto; invite: InvitePreview; onSwitch: () => Promise<void> }) {
  return (
    <>
      <div class="callout callout-warning">
        You are signed in as <strong>{props.user.email}</strong>, but this invitation is for <strong>{props.invite.email}</strong>. Sign out, then sign
        in or create an account with that address.
      </div>
      <button type="button" class="btn btn-primary btn-block" onClick={() => void props.onSwitch()}>
        Sign out and continue
      </button>
    </>
  );
}
