// Sends an email through the send_email binding; outside production it is also written to
// the outbox table so people and tests can follow links (GET /api/dev/outbox).
import { EmailMessage } from "cloudflare:email";
import { config } from "../config";
import { createDb } from "../db/client";
import { outbox } from "../db/schema";
import { newId } from "../lib/crypto";
import { log } from "../lib/log";
import { nowIso } from "../lib/time";
import { addressOf, buildMime } from "./mime";
import type { EmailContent } from "./templates";

export async function sendEmail(env: Env, to: string, content: EmailContent): Promise<void> {
  const cfg = config(env);
  if (!cfg.isProduction) {
    await createDb(env.DB).insert(outbox).values({ id: newId(), to, ...content, sentAt: nowIso() }).run();
  }
  const from = addressOf(cfg.emailFrom);
  try {
    const raw = buildMime({ from: cfg.emailFrom, to, ...content, messageIdDomain: from.split("@")[1] ?? "localhost" });
    await env.EMAIL.send(new EmailMessage(from, to, raw));
  } catch (error) {
    // A delivery failure must not fail the request that triggered it (signup, invite…);
    // it is logged for operators, and the person can ask for the email again.
    log("email.failed", { subject: content.subject, outcome: "error", message: String(error) });
  }
}
