// Follows the verification link: confirms the address once, then says so.
import { A, useSearchParams } from "@solidjs/router";
import { createResource, createSignal, Match, Show, Switch } from "solid-js";
import { api, errorMessage } from "../api";
import { AuthLayout } from "../components/AuthLayout";
import { Icon } from "../components/Icon";
import { loadSession, signedIn, user } from "../stores/session";

export default function Verify() {
  const [params] = useSearchParams<{ token?: string }>();
  const [result] = createResource(
    () => params.token ?? "",
    async (token) => {
      if (!token) throw new Error("missing");
      const { user: verified } = await api.verify(token);
      // /api/me may have answered before the verification landed: overwrite with the fresh user.
      if (user() === undefined) await loadSession();
      if (user()?.id === verified.id) signedIn(verified);
      return verified;
    },
  );
  const [resent, setResent] = createSignal<string | null>(null);
  const resend = async () => {
    try {
      await api.resendVerification();
      setResent("A new verification email is on its way.");
    } catch (err) {
      setResent(errorMessage(err));
    }
  };

  return (
    <AuthLayout title={result.loading ? "Confirming your email…" : result.error ? "This link did not work" : "Email verified"}>
      <Switch>
        <Match when={result.loading}>
          <div class="result" role="status">
            <span class="spinner spinner-lg" aria-hidden="true" />
            <p class="muted">One moment.</p>
          </div>
        </Match>
        <Match when={result.error}>
          <div class="result">
            <div class="result-icon result-icon-danger">
              <Icon name="alert" size={20} />
            </div>
            <p role="alert">
              {params.token ? errorMessage(result.error) : "This page needs the link from your verification email. Open it again from the email."}
            </p>
            <Show when={user()} fallback={<A href="/login" class="btn btn-primary">Sign in to send a new link</A>}>
              <Show when={!user()!.emailVerified} fallback={<A href="/projects" class="btn btn-primary">Your email is already verified: go to your projects</A>}>
                <button type="button" class="btn btn-primary" onClick={resend}>
                  Send a new link
                </button>
              </Show>
            </Show>
            <Show when={resent()}>
              <p role="status" class="muted">
                {resent()}
              </p>
            </Show>
          </div>
        </Match>
        <Match when={result()}>
          {(verified) => (
            <div class="result" role="status">
              <div class="result-icon result-icon-success">
                <Icon name="check" size={20} />
              </div>
              <p>
                Thanks, <strong>{verified().name}</strong>. Your address <strong>{verified().email}</strong> is confirmed.
              </p>
              <A href={user() ? "/projects" : "/login"} class="btn btn-primary">
                {user() ? "Go to your projects" : "Sign in"}
              </A>
            </div>
          )}
        </Match>
      </Switch>
    </AuthLayout>
  );
}
