// Ask for a reset link. The answer is the same whether or not the account exists.
import { A } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { api, errorMessage } from "../api";
import { AuthLayout } from "../components/AuthLayout";
import { FormError, SubmitButton, TextField } from "../components/Field";
import { Icon } from "../components/Icon";
import { checkEmail } from "../lib/validate";

export default function ForgotPassword() {
  const [email, setEmail] = createSignal("");
  const [fieldError, setFieldError] = createSignal<string | null>(null);
  const [formError, setFormError] = createSignal<string | null>(null);
  const [pending, setPending] = createSignal(false);
  const [sentTo, setSentTo] = createSignal<string | null>(null);

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const problem = checkEmail(email());
    setFieldError(problem);
    if (problem) return;
    setPending(true);
    setFormError(null);
    try {
      await api.requestPasswordReset(email().trim());
      setSentTo(email().trim());
    } catch (err) {
      setFormError(errorMessage(err));
    } finally {
      setPending(false);
    }
  };

  return (
    <AuthLayout
      title={sentTo() ? "Check your email" : "Reset your password"}
      footer={
        <>
          Remembered it? <A href="/login">Back to sign in</A>
        </>
      }
    >
      <Show
        when={sentTo()}
        fallback={
          <form onSubmit={submit} class="stack" novalidate>
            <p class="muted">Enter the email you signed up with and we will send you a link to choose a new password.</p>
            <TextField label="Email" type="email" name="email" autocomplete="email" value={email()} onValue={setEmail} error={fieldError()} required autofocus />
            <FormError message={formError()} />
            <SubmitButton class="btn btn-primary btn-block" pending={pending()} pendingLabel="Sending…">
              Send reset link
            </SubmitButton>
          </form>
        }
      >
        <div class="result" role="status">
          <div class="result-icon result-icon-success">
            <Icon name="mail" size={20} />
          </div>
          <p>
            If an account exists for <strong>{sentTo()}</strong>, a link to reset the password is on its way. It works once and expires soon.
          </p>
          <button type="button" class="btn btn-secondary" onClick={() => setSentTo(null)}>
            Use another address
          </button>
        </div>
      </Show>
    </AuthLayout>
  );
}
