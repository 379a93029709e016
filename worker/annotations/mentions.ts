// `@Name` / `@email` mentions of project members in a comment or note, and the emails they send.
import { eq } from "drizzle-orm";
import { config } from "../config";
import type { Db } from "../db/client";
import { projects } from "../db/schema";
import { mentionEmail } from "../email/mention-template";
import { sendEmail } from "../email/send";
import { log } from "../lib/log";
import { projectPeople, type ProjectPerson } from "./people";

/** One comment can notify at most this many people; more is a broadcast, not a mention. */
export const MAX_MENTIONS = 20;

const WORD_CHAR = /[\p{L}\p{N}_]/u;

/**
 * The members mentioned in `text`, each once, in order of first mention. At each `@` (not inside
 * a word, so addresses like a@b.org are not mentions) the longest matching name or email wins,
 * so "@Ada Lovelace" means Ada Lovelace even when someone is called "Ada".
 */
export function findMentions<P extends ProjectPerson>(text: string, people: readonly P[]): P[] {
  const keys = people
    .flatMap((person) => [person.name, person.email].map((key) => ({ key: key.trim().toLowerCase(), person })))
    .filter((k) => k.key.length > 0)
    .sort((a, b) => b.key.length - a.key.length);
  const lower = text.toLowerCase();
  const found = new Map<string, P>();
  for (let at = lower.indexOf("@"); at !== -1; at = lower.indexOf("@", at + 1)) {
    if (at > 0 && WORD_CHAR.test(lower[at - 1]!)) continue;
    const match = keys.find(({ key }) => lower.startsWith(key, at + 1) && !WORD_CHAR.test(lower[at + 1 + key.length] ?? " "));
    if (match && !found.has(match.person.userId)) found.set(match.person.userId, match.person);
  }
  return [...found.values()];
}

export interface MentionPlace {
  projectId: string;
  documentId: string;
  page: number | null;
  /** `annotation-<id>` or `comment-<id>`: the element the reader scrolls to. */
  anchor: string;
}

export function placeUrl(appUrl: string, place: MentionPlace): string {
  const query = place.page === null ? "" : `?page=${place.page}`;
  return `${appUrl}/projects/${encodeURIComponent(place.projectId)}/papers/${encodeURIComponent(place.documentId)}${query}#${place.anchor}`;
}

export interface MentionArgs {
  text: string;
  /** On an edit, the text before it: people already mentioned there are not emailed again. */
  previousText?: string | null;
  author: { id: string; name: string };
  document: { id: string; title: string | null; filename: string };
  place: MentionPlace;
}

/**
 * Emails everyone newly mentioned in `text` (never the author, each person once). Awaited by the
 * route so the outbox is complete when it answers; a failure is logged and never fails the write.
 */
export async function notifyMentions(env: Env, db: Db, args: MentionArgs): Promise<number> {
  if (!args.text.includes("@")) return 0;
  const people = await projectPeople(db, args.place.projectId);
  const before = new Set(args.previousText ? findMentions(args.previousText, people).map((p) => p.userId) : []);
  const targets = findMentions(args.text, people)
    .filter((p) => p.userId !== args.author.id && !before.has(p.userId))
    .slice(0, MAX_MENTIONS);
  if (targets.length === 0) return 0;
  const project = await db.select({ name: projects.name }).from(projects).where(eq(projects.id, args.place.projectId)).get();
  const content = mentionEmail({
    authorName: args.author.name,
    projectName: project?.name ?? "your project",
    documentTitle: args.document.title ?? args.document.filename,
    text: args.text,
    url: placeUrl(config(env).appUrl, args.place),
  });
  for (const person of targets) {
    try {
      await sendEmail(env, person.email, content);
    } catch (error) {
      log("mention.email_failed", { projectId: args.place.projectId, outcome: "error", message: String(error) });
    }
  }
  return targets.length;
}
