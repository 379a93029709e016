// Create an account. An invite link passes `email` (prefilled) and `next` (back to the invite).
import { A, useNavigate, useSearchParams } from "@solidjs/router";
import { createEffect, createSignal } from "solid-js";
import { ApiError, api, errorMessage } from "../api";
import { AuthLayout } from "../components/AuthLayout";
import { FormError, SubmitButton, TextField } from "../components/Field";
import { safeNext } from "../lib/next";
import { checkEmail, checkNewPassword, checkRequired } from "../lib/validate";
import { signedIn, user } from "../stores/session";

type Errors = { name?: string | null; email?: string | null; password?: string | null };

export default function Signup() {
  const navigate = useNavigate();
  const [params] = useSearchParams<{ next?: string; email?: string }>();
  const next = () => safeNext(params.next);
  const [name, setName] = createSignal("");
  const [email, setEmail] = createSignal(params.email ?? "");
  const [password, setPassword] = createSignal("");
  const [errors, setErrors] = createSignal<Errors>({});
  const [formError, setFormError] = createSignal<string | null>(null);
  const [pending, setPending] = createSignal(false);

  createEffect(() => {
    if (user()) navigate(next(), { replace: true });
  });

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const found: Errors = {
      name: checkRequired(name(), "Enter your name."),
      email: checkEmail(email()),
      password: checkNewPassword(password()),
    };
    setErrors(found);
    if (found.name || found.email || found.password) return;
    setPending(true);
    setFormError(null);
    try {
      const result = await api.signup({ name: name().trim(), email: email().trim(), password: password() });
      signedIn(result.user);
    } catch (err) {
      if (err instanceof ApiError && err.code === "email_taken") setErrors({ email: err.message });
      else setFormError(errorMessage(err));
    } finally {
      setPending(false);
    }
  };

  const loginHref = () => {
    const q = new URLSearchParams();
    if (params.next) q.set("next", next());
    if (email()) q.set("email", email().trim());
    const s = q.toString();
    return s ? `/login?${s}` : "/login";
  };

  return (
    <AuthLayout
      title="Create your account"
      subtitle="Keep, read and discuss papers with your research group."
      footer={
        <>
          Already have an account? <A href={loginHref()}>Sign in</A>
        </>
      }
    >
      <form onSubmit={submit} class="stack" novalidate>
        <TextField label="Name" name="name" autocomplete="name" value={name()} onValue={setName} error={errors().name} maxLength={100} required autofocus />
        <TextField label="Email" type="email" name="email" autocomplete="email" value={email()} onValue={setEmail} error={errors().email} required />
        <TextField
          label="Password"
          type="password"
          name="password"
          autocomplete="new-password"
          value={password()}
          onValue={setPassword}
          error={errors().password}
          hint="At least 10 characters. A short sentence is easy to remember."
          required
        />
        <FormError message={formError()} />
        <SubmitButton class="btn btn-primary btn-block" pending={pending()} pendingLabel="Creating account…">
          Create account
        </SubmitButton>
      </form>
    </AuthLayout>
  );
}
