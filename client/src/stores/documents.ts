// The open project's papers: the loaded pages of the list, kept current by the live socket's
// document.* events (no polling). One project at a time — the library that is on screen.
// Events that arrive while a page of the list is loading are held and applied after it, so
// nothing announced during the fetch is lost; a `resync` reloads the list.
import { batch } from "solid-js";
import { createStore, produce, reconcile } from "solid-js/store";
import { api, errorMessage, type DocumentDto, type DocumentStatus } from "../api";
import type { FrameOf, LiveConnection } from "../live";

export interface LibraryQuery {
  status?: DocumentStatus;
  q?: string;
  tag?: string;
}

type DocEvent = FrameOf<"document.created" | "document.updated" | "document.deleted" | "document.status">;

interface LibraryState {
  projectId: string | null;
  items: DocumentDto[];
  nextCursor: string | null;
  query: LibraryQuery;
  /** True until the first page of the current query has arrived. */
  loading: boolean;
  loadingMore: boolean;
  error: string | null;
}

const [library, setLibrary] = createStore<LibraryState>({
  projectId: null,
  items: [],
  nextCursor: null,
  query: {},
  loading: true,
  loadingMore: false,
  error: null,
});
export { library };

let generation = 0;
let held: DocEvent[] | null = null;

/** Loads the first page for a project and query (the old rows stay visible while a new query loads). */
export async function loadLibrary(projectId: string, query: LibraryQuery = {}): Promise<void> {
  const mine = ++generation;
  const sameProject = library.projectId === projectId;
  batch(() => {
    if (!sameProject) setLibrary({ items: [], nextCursor: null });
    setLibrary({ projectId, query, loading: true, error: null });
  });
  held = [];
  try {
    const page = await api.listDocuments(projectId, query);
    if (mine !== generation) return;
    const events = held;
    held = null;
    batch(() => {
      setLibrary("items", reconcile(page.items, { key: "id" }));
      setLibrary({ nextCursor: page.nextCursor, loading: false });
      for (const event of events) applyEvent(event);
    });
  } catch (error) {
    if (mine !== generation) return;
    held = null;
    setLibrary({ loading: false, error: errorMessage(error) });
  }
}

export async function loadMore(): Promise<void> {
  const { projectId, nextCursor, query } = library;
  if (!projectId || !nextCursor || library.loadingMore) return;
  const mine = generation;
  setLibrary("loadingMore", true);
  try {
    const page = await api.listDocuments(projectId, { ...query, cursor: nextCursor });
    if (mine !== generation) return;
    batch(() => {
      const known = new Set(library.items.map((d) => d.id));
      setLibrary("items", (items) => [...items, ...page.items.filter((d) => !known.has(d.id))]);
      setLibrary("nextCursor", page.nextCursor);
    });
  } catch (error) {
    setLibrary("error", errorMessage(error));
  } finally {
    setLibrary("loadingMore", false);
  }
}

export function documentById(id: string): DocumentDto | undefined {
  return library.items.find((d) => d.id === id);
}

/** Adds a paper the server just confirmed (an upload's answer) unless an event already did. */
export function addIfMissing(document: DocumentDto): void {
  if (document.projectId !== library.projectId || documentById(document.id)) return;
  upsert(document);
}

export function removeDocument(id: string): void {
  setLibrary("items", (items) => items.filter((d) => d.id !== id));
}

/** Shows the change at once; the server's events confirm it (or a reload corrects it). */
export function patchDocument(id: string, patch: Partial<DocumentDto>): void {
  setLibrary("items", (d) => d.id === id, patch);
}

function upsert(document: DocumentDto): void {
  const index = library.items.findIndex((d) => d.id === document.id);
  if (index >= 0) return setLibrary("items", index, reconcile(document));
  // Newest first, like the server's order.
  setLibrary(
    "items",
    produce((items) => {
      const at = items.findIndex((d) => d.createdAt < document.createdAt || (d.createdAt === document.createdAt && d.id < document.id));
      items.splice(at < 0 ? items.length : at, 0, document);
    }),
  );
}

function applyEvent(event: DocEvent): void {
  switch (event.type) {
    case "document.created":
    case "document.updated":
      return upsert(event.document);
    case "document.deleted":
      return removeDocument(event.document.id);
    case "document.status":
      return setLibrary("items", (d) => d.id === event.documentId, {
        status: event.status,
        progress: event.progress,
        error: event.error,
        ...(event.status === "parsed" && event.progress.total !== null ? { pageCount: event.progress.total } : {}),
      });
  }
}

function onEvent(event: DocEvent, projectId: string): void {
  if (library.projectId !== projectId) return;
  if (held) held.push(event);
  else applyEvent(event);
}

/** Feeds the live socket's document events into the list; returns the unsubscribe. */
export function followLive(live: LiveConnection): () => void {
  const id = live.projectId;
  const offs = [
    live.subscribe("document.created", (e) => onEvent(e, id)),
    live.subscribe("document.updated", (e) => onEvent(e, id)),
    live.subscribe("document.deleted", (e) => onEvent(e, id)),
    live.subscribe("document.status", (e) => onEvent(e, id)),
    live.subscribe("resync", () => {
      if (library.projectId === id) void loadLibrary(id, library.query);
    }),
  ];
  return () => offs.forEach((off) => off());
}
