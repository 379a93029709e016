import { describe, expect, it } from "vitest";
import { hashPassword, MAX_PBKDF2_ITERATIONS, verifyPassword } from "../../worker/lib/password";

describe("PBKDF2 password hashing", () => {
  it("never uses more than the 100,000 iterations production Workers allow", async () => {
    expect(MAX_PBKDF2_ITERATIONS).toBe(100_000);
    const hashed = await hashPassword("a long password", 1_000_000);
    expect(hashed.iterations).toBe(100_000);
  });

  it("refuses to verify against a stored count above the cap instead of silently working locally", async () => {
    const hashed = await hashPassword("a long password", 1000);
    await expect(verifyPassword("a long password", { ...hashed, iterations: 100_001 })).rejects.toThrow(/iterations/);
  });

  it("verifies the right password and rejects a wrong one, with the iteration count stored beside the hash", async () => {
    const hashed = await hashPassword("a long password", 1000);
    expect(hashed.iterations).toBe(1000);
    expect(await verifyPassword("a long password", hashed)).toBe(true);
    expect(await verifyPassword("a long passworD", hashed)).toBe(false);
  });

  it("salts every hash", async () => {
    const [a, b] = await Promise.all([hashPassword("same", 1000), hashPassword("same", 1000)]);
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
  });
});
