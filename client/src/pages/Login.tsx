// Sign in; continues to `next` (a deep link the visitor was sent away from).
import { A, useNavigate, useSearchParams } from "@solidjs/router";
import { createEffect, createSignal } from "solid-js";
import { api, errorMessage } from "../api";
import { AuthLayout } from "../components/AuthLayout";
import { FormError, SubmitButton, TextField } from "../components/Field";
import { safeNext } from "../lib/next";
import { checkEmail } from "../lib/validate";
import { signedIn, user } from "../stores/session";

export default function Login() {
  const navigate = useNavigate();
  const [params] = useSearchParams<{ next?: string; email?: string }>();
  const next = () => safeNext(params.next);
  const [email, setEmail] = createSignal(params.email ?? "");
  const [password, setPassword] = createSignal("");
  const [errors, setErrors] = createSignal<{ email?: string | null; password?: string | null }>({});
  const [formError, setFormError] = createSignal<string | null>(null);
  const [pending, setPending] = createSignal(false);

  createEffect(() => {
    if (user()) navigate(next(), { replace: true });
  });

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const found = { email: checkEmail(email()), password: password() ? null : "Enter your password." };
    setErrors(found);
    if (found.email || found.password) return;
    setPending(true);
    setFormError(null);
    try {
      const result = await api.login({ email: email().trim(), password: password() });
      signedIn(result.user);
    } catch (err) {
      setFormError(errorMessage(err));
    } finally {
      setPending(false);
    }
  };

  const withNext = (path: string) => (params.next ? `${path}?next=${encodeURIComponent(next())}` : path);

  return (
    <AuthLayout
      title="Sign in"
      subtitle="Welcome back. Your group's library is waiting."
      footer={
        <>
          New to Scrollkeeper? <A href={withNext("/signup")}>Create an account</A>
        </>
      }
    >
      <form onSubmit={submit} class="stack" novalidate>
        <TextField label="Email" type="email" name="email" autocomplete="email" value={email()} onValue={setEmail} error={errors().email} required autofocus />
        <TextField
          label="Password"
          type="password"
          name="password"
          autocomplete="current-password"
          value={password()}
          onValue={setPassword}
          error={errors().password}
          required
          labelAside={
            <A href="/forgot-password" class="field-aside-link">
              Forgot password?
            </A>
          }
        />
        <FormError message={formError()} />
        <SubmitButton class="btn btn-primary btn-block" pending={pending()} pendingLabel="Signing in…">
          Sign in
        </SubmitButton>
      </form>
    </AuthLayout>
  );
}
