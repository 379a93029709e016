// §Accounts: signup, verify, login, logout, password reset.
import { eq } from "drizzle-orm";
import { Hono } from "hono";
import { loginBody, resetConfirmBody, resetRequestBody, signupBody, verifyBody } from "../../protocol/api";
import { consumeEmailToken, issueEmailToken } from "../auth/email-tokens";
import { endSession, revokeAllSessions, startSession } from "../auth/sessions";
import { getUserDto } from "../auth/users";
import { config } from "../config";
import type { AppEnv } from "../context";
import { loginLockouts, sessions, users } from "../db/schema";
import { sendEmail } from "../email/send";
import { passwordResetEmail, verificationEmail } from "../email/templates";
import { badRequest, conflict, notFound, rateLimited, unauthorized } from "../errors";
import { newId } from "../lib/crypto";
import { hashPassword, verifyPassword } from "../lib/password";
import { inSeconds, nowIso } from "../lib/time";
import { clientIp, enforceLimit } from "../middleware/rate-limit";
import { currentUser, requireUser } from "../middleware/session";
import { validate } from "../middleware/validate";

const LOCKOUT_SECONDS = 60;

// Compared against when the email is unknown, so a miss costs as long as a wrong password.
const DECOY = { hash: "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", salt: "AAAAAAAAAAAAAAAAAAAAAA" };

async function sendVerification(env: Env, db: AppEnv["Variables"]["db"], user: { id: string; name: string; email: string }) {
  const token = await issueEmailToken(db, user.id, "verify");
  const url = `${config(env).appUrl}/verify?token=${encodeURIComponent(token)}`;
  await sendEmail(env, user.email, verificationEmail(user.name, url));
}

export const authRoutes = new Hono<AppEnv>()
  .post("/signup", validate("json", signupBody), async (c) => {
    await enforceLimit(c.env.SIGNUP_IP_LIMITER, clientIp(c));
    const { email, password, name } = c.req.valid("json");
    const db = c.var.db;
    const hashed = await hashPassword(password, config(c.env).pbkdf2Iterations);
    const id = newId();
    const inserted = await db
      .insert(users)
      .values({ id, email, name, passwordHash: hashed.hash, passwordSalt: hashed.salt, passwordIterations: hashed.iterations })
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id })
      .get();
    if (!inserted) throw conflict("email_taken", "An account with that email already exists. Sign in instead.");
    await sendVerification(c.env, db, { id, name, email });
    await startSession(c, id);
    return c.json({ user: await getUserDto(db, id) }, 201);
  })

  .post("/verify", validate("json", verifyBody), async (c) => {
    const db = c.var.db;
    const userId = await consumeEmailToken(db, c.req.valid("json").token, "verify");
    if (!userId) throw badRequest("invalid_token", "This verification link is invalid or has expired. Ask for a new one.");
    await db.update(users).set({ emailVerified: true }).where(eq(users.id, userId)).run();
    return c.json({ user: await getUserDto(db, userId) });
  })

  .post("/verify/resend", requireUser, async (c) => {
    const user = currentUser(c);
    if (user.emailVerified) return c.json({ user });
    await enforceLimit(c.env.RESET_EMAIL_LIMITER, `verify:${user.email}`);
    await sendVerification(c.env, c.var.db, user);
    return c.json({ ok: true }, 202);
  })

  .post("/login", validate("json", loginBody), async (c) => {
    await enforceLimit(c.env.LOGIN_IP_LIMITER, clientIp(c));
    const { email, password } = c.req.valid("json");
    const db = c.var.db;
    const lockout = await db.select().from(loginLockouts).where(eq(loginLockouts.email, email)).get();
    if (lockout && lockout.until > nowIso()) throw rateLimited(LOCKOUT_SECONDS);

    const user = await db.select().from(users).where(eq(users.email, email)).get();
    const stored = user
      ? { hash: user.passwordHash, salt: user.passwordSalt, iterations: user.passwordIterations }
      : { ...DECOY, iterations: config(c.env).pbkdf2Iterations };
    const ok = (await verifyPassword(password, stored)) && user !== undefined;
    if (!ok || !user) {
      // Only failures count against the email; when the binding says too many, lock it briefly.
      const { success } = await c.env.LOGIN_EMAIL_FAIL_LIMITER.limit({ key: email });
      if (!success) {
        await db
          .insert(loginLockouts)
          .values({ email, until: inSeconds(LOCKOUT_SECONDS) })
          .onConflictDoUpdate({ target: loginLockouts.email, set: { until: inSeconds(LOCKOUT_SECONDS) } })
          .run();
        throw rateLimited(LOCKOUT_SECONDS);
      }
      throw unauthorized("The email or password is not right.");
    }
    // A new session id at every login, and the caller's previous session (if any) ends.
    if (c.var.sessionId) await db.delete(sessions).where(eq(sessions.id, c.var.sessionId)).run();
    await startSession(c, user.id);
    return c.json({ user: await getUserDto(db, user.id) });
  })

  .post("/logout", async (c) => {
    await endSession(c);
    return c.body(null, 204);
  })

  .post("/password-reset", validate("json", resetRequestBody), async (c) => {
    const { email } = c.req.valid("json");
    await enforceLimit(c.env.LOGIN_IP_LIMITER, `reset:${clientIp(c)}`);
    await enforceLimit(c.env.RESET_EMAIL_LIMITER, email);
    const db = c.var.db;
    const user = await db.select().from(users).where(eq(users.email, email)).get();
    if (user) {
      const token = await issueEmailToken(db, user.id, "reset");
      const url = `${config(c.env).appUrl}/reset-password?token=${encodeURIComponent(token)}`;
      await sendEmail(c.env, user.email, passwordResetEmail(user.name, url));
    }
    // The same answer whether or not the account exists, so emails cannot be probed.
    return c.json({ ok: true }, 202);
  })

  .post("/password-reset/confirm", validate("json", resetConfirmBody), async (c) => {
    const { token, password } = c.req.valid("json");
    const db = c.var.db;
    const userId = await consumeEmailToken(db, token, "reset");
    if (!userId) throw badRequest("invalid_token", "This reset link is invalid or has expired. Ask for a new one.");
    const hashed = await hashPassword(password, config(c.env).pbkdf2Iterations);
    await db
      .update(users)
      .set({ passwordHash: hashed.hash, passwordSalt: hashed.salt, passwordIterations: hashed.iterations, emailVerified: true })
      .where(eq(users.id, userId))
      .run();
    await revokeAllSessions(c, userId);
    await startSession(c, userId);
    const user = await getUserDto(db, userId);
    if (!user) throw notFound("account");
    return c.json({ user });
  });
