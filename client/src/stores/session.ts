// The signed-in user. `user()` is undefined while /api/me is loading, null when signed out.
import { createSignal } from "solid-js";
import { ApiError, api, type UserDto } from "../api";

const [user, setUser] = createSignal<UserDto | null | undefined>(undefined);
const [loadError, setLoadError] = createSignal<string | null>(null);
let inflight: Promise<void> | null = null;

export { user, loadError };

export function loadSession(): Promise<void> {
  inflight ??= api
    .me()
    .then(({ user }) => {
      setUser(user);
      setLoadError(null);
    })
    .catch((error: unknown) => {
      if (error instanceof ApiError && error.status === 401) {
        setUser(null);
        setLoadError(null);
      } else {
        setLoadError(error instanceof ApiError ? error.message : "Could not load your account.");
      }
    })
    .finally(() => {
      inflight = null;
    });
  return inflight;
}

export function signedIn(next: UserDto): void {
  setUser(next);
  setLoadError(null);
}

export function signedOut(): void {
  setUser(null);
}

export async function signOut(): Promise<void> {
  try {
    await api.logout();
  } finally {
    signedOut();
  }
}
