// Shown until the address is confirmed; everything but paid checkout works meanwhile.
import { createSignal } from "solid-js";
import { api, errorMessage, type UserDto } from "../api";
import { toast } from "../stores/toasts";
import { Icon } from "./Icon";

export function VerifyBanner(props: { user: UserDto }) {
  const [pending, setPending] = createSignal(false);
  const resend = async () => {
    setPending(true);
    try {
      await api.resendVerification();
      toast(`Verification email sent to ${props.user.email}`);
    } catch (err) {
      toast(errorMessage(err), "error");
    } finally {
      setPending(false);
    }
  };
  return (
    <div class="banner banner-warning" role="region" aria-label="Email verification">
      <Icon name="mail" />
      <p>
        Confirm your email address. We sent a link to <strong>{props.user.email}</strong>.
      </p>
      <button type="button" class="btn btn-secondary btn-sm" onClick={resend} disabled={pending()} aria-busy={pending()}>
        {pending() ? "Sending…" : "Resend email"}
      </button>
    </div>
  );
}
