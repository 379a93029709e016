// The open paper's highlights and comments: loaded over HTTP, changed by this user's actions
// and by realtime events, all through one gate that applies an object only if its version is
// newer than the one held, so replayed, duplicated or late events change nothing.
import { batch, createSignal } from "solid-js";
import { api, type AnnotationDto, type CommentDto, type Named } from "../api";
import { createIdempotently } from "../lib/idempotent-create";

export type Annotation = Named<AnnotationDto>;
export type Comment = Named<CommentDto>;

function createCollection<T extends { id: string; version: number }>() {
  const [items, setItems] = createSignal<ReadonlyMap<string, T>>(new Map());
  /** Highest version seen per id, deleted ones included, so a stale "created" cannot resurrect. */
  const seen = new Map<string, number>();

  function apply(item: T, deleted = false): boolean {
    const held = seen.get(item.id) ?? 0;
    if (item.version <= held) return false;
    seen.set(item.id, item.version);
    setItems((prev) => {
      const next = new Map(prev);
      if (deleted) next.delete(item.id);
      else next.set(item.id, { ...prev.get(item.id), ...item });
      return next;
    });
    return true;
  }

  /** A delete this client made: gone now, and whatever version the event brings is not newer. */
  function drop(id: string) {
    const cur = items().get(id);
    seen.set(id, Math.max(seen.get(id) ?? 0, (cur?.version ?? 0) + 1));
    setItems((prev) => {
      const next = new Map(prev);
      next.delete(id);
      return next;
    });
  }

  function reset(list: T[]) {
    seen.clear();
    for (const item of list) seen.set(item.id, item.version);
    setItems(new Map(list.map((i) => [i.id, i])));
  }

  return { items, apply, drop, reset, get: (id: string) => items().get(id) };
}

async function all<T>(fetchPage: (cursor: string | null) => Promise<{ items: T[]; nextCursor: string | null }>): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | null = null;
  do {
    const page = await fetchPage(cursor);
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

export function createAnnotationsStore(projectId: string, documentId: string) {
  const annotations = createCollection<Annotation>();
  const comments = createCollection<Comment>();
  const [loaded, setLoaded] = createSignal(false);
  const [error, setError] = createSignal<unknown>(null);
  /** Display names learned from HTTP answers, for authors who are no longer members. */
  const names = new Map<string, string>();

  const learn = (x: { authorId: string; authorName?: string | null }) => {
    if (x.authorName) names.set(x.authorId, x.authorName);
  };

  async function load() {
    setError(null);
    try {
      const [a, c] = await Promise.all([
        all((cursor) => api.listAnnotations(projectId, documentId, cursor)),
        all((cursor) => api.listComments(projectId, documentId, cursor)),
      ]);
      a.forEach(learn);
      c.forEach(learn);
      batch(() => {
        annotations.reset(a);
        comments.reset(c);
        setLoaded(true);
      });
    } catch (e) {
      setError(e);
    }
  }

  function applyEvent(type: string, payload: Annotation | Comment) {
    if (payload.documentId !== documentId) return;
    learn(payload);
    const deleted = type.endsWith(".deleted");
    if (type.startsWith("annotation.")) annotations.apply(payload as Annotation, deleted);
    else if (type.startsWith("comment.")) comments.apply(payload as Comment, deleted);
  }

  return {
    annotations: () => [...annotations.items().values()],
    comments: () => [...comments.items().values()],
    annotation: annotations.get,
    comment: comments.get,
    loaded,
    error,
    load,
    applyEvent,
    nameOf: (id: string) => names.get(id),

    async createAnnotation(body: Parameters<typeof api.createAnnotation>[2]) {
      const { annotation } = await createIdempotently((id) => api.createAnnotation(projectId, documentId, { ...body, id }));
      learn(annotation);
      annotations.apply(annotation);
      return annotation;
    },
    /** Throws the ApiError; a 409 carries the current highlight, which is applied here. */
    async updateAnnotation(a: Annotation, patch: { color?: Annotation["color"]; note?: string | null }) {
      try {
        const { annotation } = await api.updateAnnotation(projectId, a.id, { version: a.version, ...patch });
        annotations.apply(annotation);
        return annotation;
      } catch (e) {
        const current = (e as { status?: number; data?: { annotation?: Annotation } }).data?.annotation;
        if ((e as { status?: number }).status === 409 && current) annotations.apply(current);
        throw e;
      }
    },
    async deleteAnnotation(id: string) {
      await api.deleteAnnotation(projectId, id);
      annotations.drop(id);
      for (const c of comments.items().values()) if (c.annotationId === id) comments.drop(c.id);
    },
    async createComment(body: { body: string; annotationId?: string | null; parentId?: string | null }) {
      const { comment } = await createIdempotently((id) => api.createComment(projectId, documentId, { ...body, id }));
      learn(comment);
      comments.apply(comment);
      return comment;
    },
    async updateComment(c: Comment, body: string) {
      try {
        const { comment } = await api.updateComment(projectId, c.id, { body, version: c.version });
        comments.apply(comment);
      } catch (e) {
        const current = (e as { data?: { comment?: Comment } }).data?.comment;
        if ((e as { status?: number }).status === 409 && current) comments.apply(current);
        throw e;
      }
    },
    async deleteComment(id: string) {
      await api.deleteComment(projectId, id);
      comments.drop(id);
      for (const c of comments.items().values()) if (c.parentId === id) comments.drop(c.id);
    },
    async setResolved(rootId: string, resolved: boolean) {
      const { comment } = await api.setThreadResolved(projectId, rootId, resolved);
      comments.apply(comment);
    },
  };
}

export type AnnotationsStore = ReturnType<typeof createAnnotationsStore>;
