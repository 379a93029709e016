// Creates that survive a dropped answer: the client names the new highlight or comment itself
// (api-extensions.md §Idempotent creates), so sending the same create again after a network error,
// a 429 or a 5xx can only ever store it once — the server answers a repeat with what it stored.
import { isTransient } from "../api";

const ATTEMPTS = 3;

/** 22 URL-safe characters from 16 random bytes, the shape of the server's own ids. */
export function newClientId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes)).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

/** Runs `send` with one fresh id, again with the same id after a transient failure. */
export async function createIdempotently<T>(send: (id: string) => Promise<T>): Promise<T> {
  const id = newClientId();
  for (let attempt = 1; ; attempt++) {
    try {
      return await send(id);
    } catch (error) {
      if (!isTransient(error) || attempt >= ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, 400 * 3 ** (attempt - 1) * (0.5 + Math.random() / 2)));
    }
  }
}
