// Owners invite by email with a role, and see and revoke pending invites.
import { createResource, createSignal, For, Match, Show, Switch } from "solid-js";
import { ApiError, api, errorMessage, type InviteDto, type ProjectDto, type Role } from "../../api";
import { FormError, SubmitButton, TextField } from "../../components/Field";
import { RoleBadge } from "../../components/RoleBadge";
import { isPlanLimit, UpgradePrompt } from "../../components/UpgradePrompt";
import { ErrorState, SkeletonRows } from "../../components/States";
import { formatDate, roleHelp, roleLabel } from "../../lib/format";
import { checkEmail } from "../../lib/validate";
import { toast } from "../../stores/toasts";

export function InvitesSection(props: { project: ProjectDto }) {
  const [invites, { mutate, refetch }] = createResource(
    () => props.project.id,
    async (id) => (await api.listInvites(id)).items,
  );
  const [email, setEmail] = createSignal("");
  const [role, setRole] = createSignal<Role>("editor");
  const [fieldError, setFieldError] = createSignal<string | null>(null);
  const [formError, setFormError] = createSignal<string | null>(null);
  /** A 402: the owner's plan allows no more people in this project. */
  const [limitHit, setLimitHit] = createSignal<string | null>(null);
  const [pending, setPending] = createSignal(false);
  const [listError, setListError] = createSignal<string | null>(null);

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const problem = checkEmail(email());
    setFieldError(problem);
    if (problem) return;
    setPending(true);
    setFormError(null);
    setLimitHit(null);
    try {
      const { invite } = await api.createInvite(props.project.id, email().trim(), role());
      mutate((list) => [invite, ...(list ?? [])]);
      toast(`Invite sent to ${invite.email}`);
      setEmail("");
    } catch (err) {
      if (err instanceof ApiError && err.code === "already_member") setFieldError(err.message);
      else if (isPlanLimit(err)) setLimitHit(errorMessage(err));
      else setFormError(errorMessage(err));
    } finally {
      setPending(false);
    }
  };

  const revoke = async (invite: InviteDto) => {
    setListError(null);
    try {
      await api.revokeInvite(props.project.id, invite.id);
      mutate((list) => list?.filter((i) => i.id !== invite.id));
      toast(`Invite for ${invite.email} revoked`);
    } catch (err) {
      setListError(errorMessage(err));
    }
  };

  return (
    <section class="panel section" id="invite" aria-labelledby="invite-title">
      <div class="section-head">
        <h2 id="invite-title" class="section-title">
          Invite people
        </h2>
        <p class="section-text">We email them a link. It works for 7 days, for that address only.</p>
      </div>
      <form onSubmit={submit} class="invite-form" novalidate>
        <TextField label="Email address" type="email" name="email" autocomplete="off" placeholder="colleague@university.edu" value={email()} onValue={setEmail} error={fieldError()} required />
        <div class="field">
          <label class="field-label" for="invite-role">
            Role
          </label>
          <select id="invite-role" class="select" value={role()} onChange={(e) => setRole(e.currentTarget.value as Role)} aria-describedby="invite-role-help">
            <option value="viewer">{roleLabel.viewer}</option>
            <option value="editor">{roleLabel.editor}</option>
            <option value="owner">{roleLabel.owner}</option>
          </select>
        </div>
        <SubmitButton pending={pending()} pendingLabel="Sending…">
          Send invite
        </SubmitButton>
      </form>
      <p id="invite-role-help" class="field-hint">
        {roleLabel[role()]}: {roleHelp[role()].toLowerCase()}.
      </p>
      <FormError message={formError()} />
      <Show when={limitHit()}>{(message) => <UpgradePrompt message={message()} />}</Show>

      <h3 class="subsection-title">Pending invites</h3>
      <Switch>
        <Match when={invites.error}>
          <ErrorState message={errorMessage(invites.error)} onRetry={() => void refetch()} />
        </Match>
        <Match when={invites.loading && !invites()}>
          <SkeletonRows rows={1} label="Loading invites" />
        </Match>
        <Match when={invites()?.length === 0}>
          <p class="muted small">No pending invites.</p>
        </Match>
        <Match when={invites()}>
          <ul class="invite-list">
            <For each={invites()}>
              {(i) => (
                <li class="invite-row">
                  <span class="invite-email">{i.email}</span>
                  <RoleBadge role={i.role} />
                  <span class="muted small">Expires {formatDate(i.expiresAt)}</span>
                  <button type="button" class="btn btn-ghost btn-sm btn-danger-text" onClick={() => void revoke(i)} aria-label={`Revoke invite for ${i.email}`}>
                    Revoke
                  </button>
                </li>
              )}
            </For>
          </ul>
        </Match>
      </Switch>
      <FormError message={listError()} />
    </section>
  );
}
