// Personal access tokens for scripts: create (shown once), list, revoke.
import { createResource, createSignal, For, Match, Show, Switch } from "solid-js";
import { api, errorMessage, type ApiTokenDto, type CreatedToken } from "../api";
import { ConfirmDialog } from "../components/ConfirmDialog";
import { FormError, SubmitButton, TextField } from "../components/Field";
import { Icon } from "../components/Icon";
import { EmptyState, ErrorState, SkeletonRows } from "../components/States";
import { formatDate, timeAgo } from "../lib/format";
import { checkRequired } from "../lib/validate";
import { toast } from "../stores/toasts";

export default function Tokens() {
  const [tokens, { mutate, refetch }] = createResource(async () => (await api.listTokens()).items);
  const [name, setName] = createSignal("");
  const [fieldError, setFieldError] = createSignal<string | null>(null);
  const [formError, setFormError] = createSignal<string | null>(null);
  const [pending, setPending] = createSignal(false);
  const [created, setCreated] = createSignal<CreatedToken | null>(null);
  const [revoking, setRevoking] = createSignal<ApiTokenDto | null>(null);

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const problem = checkRequired(name(), "Name the token.");
    setFieldError(problem);
    if (problem) return;
    setPending(true);
    setFormError(null);
    try {
      const token = await api.createToken(name().trim());
      setCreated(token);
      mutate((list) => [{ id: token.id, name: token.name, createdAt: new Date().toISOString(), lastUsedAt: null }, ...(list ?? [])]);
      setName("");
    } catch (err) {
      setFormError(errorMessage(err));
    } finally {
      setPending(false);
    }
  };

  const revoke = async () => {
    const token = revoking();
    if (!token) return;
    await api.revokeToken(token.id);
    mutate((list) => list?.filter((t) => t.id !== token.id));
    if (created()?.id === token.id) setCreated(null);
    toast(`Token “${token.name}” revoked`);
  };

  return (
    <div class="page page-narrow">
      <header class="page-header">
        <div>
          <h1 class="page-title">API tokens</h1>
          <p class="page-subtitle">
            Scripts use a token instead of your password: send it as <code>Authorization: Bearer &lt;token&gt;</code>. A token can do everything you can.
          </p>
        </div>
      </header>

      <section class="panel section" aria-labelledby="new-token-title">
        <h2 id="new-token-title" class="section-title">
          Create a token
        </h2>
        <form onSubmit={submit} class="inline-form" novalidate>
          <TextField
            label="Token name"
            name="name"
            placeholder="e.g. Lab import script"
            value={name()}
            onValue={setName}
            error={fieldError()}
            maxLength={100}
            autocomplete="off"
            hint="So you can tell your tokens apart later."
            required
          />
          <SubmitButton pending={pending()} pendingLabel="Creating…">
            Create token
          </SubmitButton>
        </form>
        <FormError message={formError()} />
        <Show when={created()}>{(t) => <NewToken token={t()} onDone={() => setCreated(null)} />}</Show>
      </section>

      <section class="panel section" aria-labelledby="tokens-title">
        <h2 id="tokens-title" class="section-title">
          Your tokens
        </h2>
        <Switch>
          <Match when={tokens.error}>
            <ErrorState message={errorMessage(tokens.error)} onRetry={() => void refetch()} />
          </Match>
          <Match when={tokens.loading && !tokens()}>
            <SkeletonRows rows={2} label="Loading tokens" />
          </Match>
          <Match when={tokens()?.length === 0}>
            <EmptyState icon="key" title="No tokens yet">
              Create one above when a script needs to reach Scrollkeeper.
            </EmptyState>
          </Match>
          <Match when={tokens()}>
            <table class="table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Created</th>
                  <th scope="col">Last used</th>
                  <th scope="col">
                    <span class="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                <For each={tokens()}>
                  {(t) => (
                    <tr>
                      <td class="strong">{t.name}</td>
                      <td class="muted">
                        <time datetime={t.createdAt}>{formatDate(t.createdAt)}</time>
                      </td>
                      <td class="muted">{t.lastUsedAt ? <time datetime={t.lastUsedAt}>{timeAgo(t.lastUsedAt)}</time> : "Never"}</td>
                      <td class="cell-actions">
                        <button type="button" class="btn btn-ghost btn-sm btn-danger-text" onClick={() => setRevoking(t)} aria-label={`Revoke ${t.name}`}>
                          Revoke
                        </button>
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </Match>
        </Switch>
      </section>

      <ConfirmDialog
        open={revoking() !== null}
        onOpenChange={(open) => !open && setRevoking(null)}
        title="Revoke token"
        description={
          <>
            Scripts using <strong>{revoking()?.name}</strong> will stop working at once.
          </>
        }
        confirmLabel="Revoke token"
        onConfirm={revoke}
      />
    </div>
  );
}

function NewToken(props: { token: CreatedToken; onDone: () => void }) {
  const [copied, setCopied] = createSignal(false);
  let input: HTMLInputElement | undefined;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.token.token);
      setCopied(true);
      toast("Token copied to the clipboard");
    } catch {
      input?.select();
      toast("Select the token and copy it with Ctrl+C", "info");
    }
  };
  return (
    <div class="token-reveal" role="region" aria-labelledby="token-reveal-title">
      <p id="token-reveal-title" class="token-reveal-title">
        <Icon name="alert" /> Copy your new token now. You will not see it again.
      </p>
      <div class="token-row">
        <label class="visually-hidden" for="new-token-value">
          New token “{props.token.name}”
        </label>
        <input id="new-token-value" ref={input} class="input input-mono" readonly value={props.token.token} onFocus={(e) => e.currentTarget.select()} />
        <button type="button" class="btn btn-secondary" onClick={copy}>
          <Icon name={copied() ? "check" : "copy"} /> {copied() ? "Copied" : "Copy"}
        </button>
      </div>
      <button type="button" class="btn btn-ghost btn-sm" onClick={() => props.onDone()}>
        I have saved it
      </button>
    </div>
  );
}
