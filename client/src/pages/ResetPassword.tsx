// Choose a new password from an emailed link; signs in and opens the projects.
import { A, useNavigate, useSearchParams } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { api, errorMessage } from "../api";
import { AuthLayout } from "../components/AuthLayout";
import { FormError, SubmitButton, TextField } from "../components/Field";
import { toast } from "../stores/toasts";
import { checkNewPassword } from "../lib/validate";
import { signedIn } from "../stores/session";

export default function ResetPassword() {
  const navigate = useNavigate();
  const [params] = useSearchParams<{ token?: string }>();
  const [password, setPassword] = createSignal("");
  const [confirm, setConfirm] = createSignal("");
  const [errors, setErrors] = createSignal<{ password?: string | null; confirm?: string | null }>({});
  const [formError, setFormError] = createSignal<string | null>(null);
  const [pending, setPending] = createSignal(false);

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const found = {
      password: checkNewPassword(password()),
      confirm: confirm() === password() ? null : "The two passwords are not the same.",
    };
    setErrors(found);
    if (found.password || found.confirm) return;
    setPending(true);
    setFormError(null);
    try {
      const { user } = await api.confirmPasswordReset(params.token ?? "", password());
      signedIn(user);
      toast("Your password was changed. Other devices were signed out.");
      navigate("/projects", { replace: true });
    } catch (err) {
      setFormError(errorMessage(err));
    } finally {
      setPending(false);
    }
  };

  return (
    <AuthLayout title="Choose a new password" footer={<A href="/login">Back to sign in</A>}>
      <Show
        when={params.token}
        fallback={
          <div class="stack">
            <div class="callout callout-danger" role="alert">
              This page needs the link from your reset email. Open the link again, or ask for a new one.
            </div>
            <A href="/forgot-password" class="btn btn-primary btn-block">
              Ask for a new link
            </A>
          </div>
        }
      >
        <form onSubmit={submit} class="stack" novalidate>
          <TextField
            label="New password"
            type="password"
            name="password"
            autocomplete="new-password"
            value={password()}
            onValue={setPassword}
            error={errors().password}
            hint="At least 10 characters."
            required
            autofocus
          />
          <TextField label="Repeat the password" type="password" name="confirm" autocomplete="new-password" value={confirm()} onValue={setConfirm} error={errors().confirm} required />
          <FormError message={formError()} />
          <SubmitButton class="btn btn-primary btn-block" pending={pending()} pendingLabel="Saving…">
            Save and sign in
          </SubmitButton>
          <Show when={formError()}>
            <p class="muted small">
              Link expired? <A href="/forgot-password">Ask for a new one</A>.
            </p>
          </Show>
        </form>
      </Show>
    </AuthLayout>
  );
}
