// Comments grouped into threads (a root and its replies, oldest first) per highlight, and the
// highlights in reading order: page, then top to bottom, then left to right.
import type { Annotation, Comment } from "./annotations-store";

export interface Thread {
  root: Comment;
  replies: Comment[];
}

const byTime = (a: Comment, b: Comment) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);

/** Threads keyed by annotation id, with "paper" for threads on the paper itself. */
export function groupThreads(comments: Comment[]): Map<string, Thread[]> {
  const roots = comments.filter((c) => !c.parentId).sort(byTime);
  const replies = new Map<string, Comment[]>();
  for (const c of comments) {
    if (!c.parentId) continue;
    const list = replies.get(c.parentId) ?? [];
    list.push(c);
    replies.set(c.parentId, list);
  }
  const out = new Map<string, Thread[]>();
  for (const root of roots) {
    const key = root.annotationId ?? "paper";
    const list = out.get(key) ?? [];
    list.push({ root, replies: (replies.get(root.id) ?? []).sort(byTime) });
    out.set(key, list);
  }
  return out;
}

export function readingOrder(a: Annotation, b: Annotation): number {
  const ra = a.rects[0];
  const rb = b.rects[0];
  return a.page - b.page || (ra?.y ?? 0) - (rb?.y ?? 0) || (ra?.x ?? 0) - (rb?.x ?? 0) || a.createdAt.localeCompare(b.createdAt);
}

export const isOpen = (t: Thread) => !t.root.resolvedAt;
