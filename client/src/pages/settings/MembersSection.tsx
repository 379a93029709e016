// Members: owners change roles and remove people; everyone can leave. API refusals
// (such as removing the last owner) are shown under the table.
import { useNavigate } from "@solidjs/router";
import { createResource, createSignal, For, Match, Show, Switch } from "solid-js";
import { api, errorMessage, type MemberDto, type ProjectDto, type Role, type UserDto } from "../../api";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { FormError } from "../../components/Field";
import { RoleBadge } from "../../components/RoleBadge";
import { ErrorState, SkeletonRows } from "../../components/States";
import { initials, roleHelp, roleLabel } from "../../lib/format";
import { dropProject } from "../../stores/projects";
import { toast } from "../../stores/toasts";

const roles: Role[] = ["owner", "editor", "viewer"];

export function MembersSection(props: { project: ProjectDto; me: UserDto; onMyRoleChanged: () => void }) {
  const navigate = useNavigate();
  const [members, { mutate, refetch }] = createResource(
    () => props.project.id,
    async (id) => (await api.listMembers(id)).items,
  );
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal<string | null>(null);
  const [removing, setRemoving] = createSignal<MemberDto | null>(null);
  const [leaving, setLeaving] = createSignal(false);
  const isOwner = () => props.project.role === "owner";

  const changeRole = async (member: MemberDto, role: Role, select: HTMLSelectElement) => {
    setError(null);
    setBusy(member.userId);
    try {
      const { member: updated } = await api.setMemberRole(props.project.id, member.userId, role);
      mutate((list) => list?.map((m) => (m.userId === updated.userId ? updated : m)));
      toast(`${updated.name} is now ${roleLabel[updated.role].toLowerCase()}`);
      if (updated.userId === props.me.id) props.onMyRoleChanged();
    } catch (err) {
      select.value = member.role;
      setError(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };

  const remove = async () => {
    const member = removing();
    if (!member) return;
    await api.removeMember(props.project.id, member.userId);
    mutate((list) => list?.filter((m) => m.userId !== member.userId));
    toast(`${member.name} was removed from the project`);
  };

  const leave = async () => {
    await api.removeMember(props.project.id, props.me.id);
    dropProject(props.project.id);
    toast(`You left “${props.project.name}”`);
    navigate("/projects", { replace: true });
  };

  return (
    <section class="panel section" aria-labelledby="members-title">
      <div class="section-head">
        <h2 id="members-title" class="section-title">
          Members
        </h2>
        <p class="section-text">Owners manage members and the project. Editors add and organise papers. Viewers read, search and comment.</p>
      </div>
      <Switch>
        <Match when={members.error}>
          <ErrorState message={errorMessage(members.error)} onRetry={() => void refetch()} />
        </Match>
        <Match when={members.loading && !members()}>
          <SkeletonRows rows={2} label="Loading members" />
        </Match>
        <Match when={members()}>
          <table class="table table-members">
            <thead>
              <tr>
                <th scope="col">Person</th>
                <th scope="col">Role</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              <For each={members()}>
                {(m) => (
                  <tr aria-busy={busy() === m.userId}>
                    <td>
                      <div class="person">
                        <span class="avatar" aria-hidden="true">
                          {initials(m.name)}
                        </span>
                        <div>
                          <div class="person-name">
                            {m.name}
                            <Show when={m.userId === props.me.id}>
                              <span class="muted"> (you)</span>
                            </Show>
                          </div>
                          <div class="person-email">{m.email}</div>
                        </div>
                      </div>
                    </td>
                    <td>
                      <Show when={isOwner()} fallback={<RoleBadge role={m.role} />}>
                        <select
                          class="select select-sm"
                          aria-label={`Role for ${m.name}`}
                          value={m.role}
                          disabled={busy() === m.userId}
                          onChange={(e) => void changeRole(m, e.currentTarget.value as Role, e.currentTarget)}
                        >
                          <For each={roles}>
                            {(r) => (
                              <option value={r} title={roleHelp[r]}>
                                {roleLabel[r]}
                              </option>
                            )}
                          </For>
                        </select>
                      </Show>
                    </td>
                    <td class="cell-actions">
                      <Show when={m.userId === props.me.id}>
                        <button type="button" class="btn btn-ghost btn-sm" onClick={() => setLeaving(true)}>
                          Leave project
                        </button>
                      </Show>
                      <Show when={isOwner() && m.userId !== props.me.id}>
                        <button type="button" class="btn btn-ghost btn-sm btn-danger-text" onClick={() => setRemoving(m)} aria-label={`Remove ${m.name}`}>
                          Remove
                        </button>
                      </Show>
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
          <FormError message={error()} />
        </Match>
      </Switch>

      <ConfirmDialog
        open={removing() !== null}
        onOpenChange={(open) => !open && setRemoving(null)}
        title="Remove member"
        description={
          <>
            <strong>{removing()?.name}</strong> will lose access to <strong>{props.project.name}</strong> and its papers at once.
          </>
        }
        confirmLabel="Remove"
        onConfirm={remove}
      />
      <ConfirmDialog
        open={leaving()}
        onOpenChange={setLeaving}
        title="Leave project"
        description={
          <>
            You will lose access to <strong>{props.project.name}</strong>. An owner can invite you again.
          </>
        }
        confirmLabel="Leave project"
        onConfirm={leave}
      />
    </section>
  );
}
