// Find in document: searches every page's text (pdf.js text content, joined like the text
// layer), keeps the matches in reading order, and moves between them.
import { batch, createSignal } from "solid-js";
import { joinItems } from "./text-index";
import type { Viewer } from "./viewer";

export interface Match {
  page: number;
  /** Which match on its page (0-based), so the page can draw it from its own text index. */
  ordinal: number;
}

export function matchOffsets(text: string, query: string): { start: number; end: number }[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const hay = text.toLowerCase();
  const out: { start: number; end: number }[] = [];
  for (let i = hay.indexOf(q); i !== -1; i = hay.indexOf(q, i + q.length)) out.push({ start: i, end: i + q.length });
  return out;
}

export function createFind(v: Viewer) {
  const [open, setOpen] = createSignal(false);
  const [query, setQuery] = createSignal("");
  const [matches, setMatches] = createSignal<Match[]>([]);
  const [current, setCurrent] = createSignal(-1);
  const [searching, setSearching] = createSignal(false);
  const texts = new Map<number, string>();
  let run = 0;

  async function pageText(page: number): Promise<string> {
    const indexed = v.indexes().get(page);
    if (indexed) return indexed.text;
    const cached = texts.get(page);
    if (cached !== undefined) return cached;
    const doc = v.doc();
    if (!doc) return "";
    const p = await doc.getPage(page);
    const content = await p.getTextContent({ disableNormalization: true });
    const text = joinItems(content.items.map((item) => ("str" in item ? item.str : "")));
    texts.set(page, text);
    return text;
  }

  async function search(q: string) {
    const id = ++run;
    batch(() => {
      setQuery(q);
      setMatches([]);
      setCurrent(-1);
    });
    if (!q.trim()) return;
    setSearching(true);
    const n = v.numPages();
    const start = v.currentPage();
    const found: Match[] = [];
    // Start at the page in view so the first answer is near; keep reading order in the list.
    const order = Array.from({ length: n }, (_, i) => ((start - 1 + i) % n) + 1);
    let jumped = false;
    for (const page of order) {
      const text = await pageText(page);
      if (id !== run) return;
      const count = matchOffsets(text, q).length;
      for (let k = 0; k < count; k++) found.push({ page, ordinal: k });
      if (count > 0 || page % 20 === 0) {
        const sorted = [...found].sort((a, b) => a.page - b.page || a.ordinal - b.ordinal);
        setMatches(sorted);
        if (!jumped && count > 0) {
          jumped = true;
          go(sorted.findIndex((m) => m.page === page));
        }
      }
    }
    setMatches([...found].sort((a, b) => a.page - b.page || a.ordinal - b.ordinal));
    setSearching(false);
  }

  function go(i: number) {
    const list = matches();
    if (list.length === 0) return;
    const next = ((i % list.length) + list.length) % list.length;
    setCurrent(next);
    const m = list[next]!;
    // A drawn match is centred by its FindLayer; otherwise bring its page in and let it draw.
    const drawn = v.pageElement(m.page)?.querySelector(`.find-hit[data-ordinal="${m.ordinal}"]`);
    if (!drawn) v.scrollToPage(m.page);
  }

  return {
    open,
    query,
    matches,
    current,
    searching,
    currentMatch: () => matches()[current()] ?? null,
    show: () => setOpen(true),
    close: () => {
      run++;
      batch(() => {
        setOpen(false);
        setMatches([]);
        setCurrent(-1);
        setSearching(false);
      });
    },
    search,
    next: () => go(current() + 1),
    prev: () => go(current() - 1),
  };
}

export type Find = ReturnType<typeof createFind>;
