// PBKDF2-SHA256 password hashing. Production Workers refuse more than 100,000 iterations
// (local workerd does not), so the count is capped here and a test asserts the cap.
import { base64url, randomBytes, timingSafeEqual } from "./crypto";

export const MAX_PBKDF2_ITERATIONS = 100_000;

export interface PasswordHash {
  hash: string;
  salt: string;
  iterations: number;
}

function fromBase64url(value: string): Uint8Array {
  const b64 = value.replaceAll("-", "+").replaceAll("_", "/");
  return Uint8Array.from(atob(b64 + "=".repeat((4 - (b64.length % 4)) % 4)), (c) => c.charCodeAt(0));
}

async function derive(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > MAX_PBKDF2_ITERATIONS) {
    throw new Error(`PBKDF2 iterations must be between 1 and ${MAX_PBKDF2_ITERATIONS}`);
  }
  const key = await crypto.subtle.importKey("raw", new TextEncoder().encode(password), "PBKDF2", false, ["deriveBits"]);
  const bits = await crypto.subtle.deriveBits({ name: "PBKDF2", hash: "SHA-256", salt, iterations }, key, 256);
  return new Uint8Array(bits);
}

export async function hashPassword(password: string, iterations: number): Promise<PasswordHash> {
  const salt = randomBytes(16);
  const hash = await derive(password, salt, Math.min(iterations, MAX_PBKDF2_ITERATIONS));
  return { hash: base64url(hash), salt: base64url(salt), iterations: Math.min(iterations, MAX_PBKDF2_ITERATIONS) };
}

export async function verifyPassword(password: string, stored: PasswordHash): Promise<boolean> {
  const candidate = await derive(password, fromBase64url(stored.salt), stored.iterations);
  return timingSafeEqual(candidate, fromBase64url(stored.hash));
}
