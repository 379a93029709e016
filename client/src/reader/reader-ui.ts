// The reader's shared UI state: which highlight is focused, hovered, or has its note or reply
// box open, and which highlights could not be placed on their page (orphans).
import { batch, createSignal } from "solid-js";

export interface Hover {
  id: string;
  page: number;
  /** Where to show the card: fractions of the page, below the highlight's last line. */
  x: number;
  y: number;
}

export function createReaderUi() {
  const [focused, setFocused] = createSignal<string | null>(null);
  const [hover, setHover] = createSignal<Hover | null>(null);
  const [editingNote, setEditingNote] = createSignal<string | null>(null);
  /** An annotation id, or "paper" for a new paper-level thread. */
  const [composing, setComposing] = createSignal<string | null>(null);
  const [paperDraft, setPaperDraft] = createSignal("");
  const [orphans, setOrphanMap] = createSignal<ReadonlyMap<number, readonly string[]>>(new Map());

  return {
    focused,
    hover,
    setHover,
    editingNote,
    composing,
    paperDraft,
    setPaperDraft,
    focus(id: string | null) {
      setFocused(id);
    },
    editNote(id: string | null) {
      batch(() => {
        if (id) setFocused(id);
        setEditingNote(id);
      });
    },
    compose(id: string | null, draft?: string) {
      batch(() => {
        if (id && id !== "paper") setFocused(id);
        if (draft !== undefined) setPaperDraft(draft);
        setComposing(id);
      });
    },
    setOrphans(page: number, ids: readonly string[]) {
      const cur = orphans().get(page) ?? [];
      if (cur.length === ids.length && cur.every((id, i) => id === ids[i])) return;
      setOrphanMap((prev) => new Map(prev).set(page, ids));
    },
    isOrphan: (id: string) => [...orphans().values()].some((ids) => ids.includes(id)),
  };
}

export type ReaderUi = ReturnType<typeof createReaderUi>;
