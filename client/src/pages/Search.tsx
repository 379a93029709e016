// /projects/:projectId/search?q= — results as you type (from the top-bar box), grouped by paper,
// page-numbered snippets with the matches marked; a hit opens the reader at its page with the
// match highlighted. Arrow keys move through hits, Enter opens one.
import { A, useNavigate, useParams } from "@solidjs/router";
import { createEffect, createMemo, createSignal, For, Match, on, onCleanup, onMount, Show, Switch } from "solid-js";
import { api, errorMessage, type DocumentDto, type SearchHit } from "../api";
import { ErrorState } from "../components/States";
import { authorLine } from "../lib/papers";
import { parseSnippet } from "../lib/snippet";
import { searchQuery, setSearchKeys, setSearchQuery } from "../stores/search";
import "../styles/search.css";

const DEBOUNCE_MS = 150;

interface Group {
  documentId: string;
  title: string;
  hits: (SearchHit & { index: number })[];
}

export default function Search() {
  const params = useParams<{ projectId: string }>();
  const navigate = useNavigate();
  const [tag, setTag] = createSignal("");
  const [author, setAuthor] = createSignal("");
  const [year, setYear] = createSignal("");
  const [hits, setHits] = createSignal<SearchHit[]>([]);
  const [terms, setTerms] = createSignal<string[]>([]);
  const [ran, setRan] = createSignal<string | null>(null);
  const [loading, setLoading] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [active, setActive] = createSignal(-1);
  const [docs, setDocs] = createSignal<Map<string, DocumentDto>>(new Map());
  let list: HTMLDivElement | undefined;

  // The address is the source on arrival; afterwards the box is.
  setSearchQuery(new URLSearchParams(location.search).get("q") ?? searchQuery());
  void api.listDocuments(params.projectId, { limit: 200 }).then(
    (page) => setDocs(new Map(page.items.map((d) => [d.id, d]))),
    () => undefined,
  );

  let timer = 0;
  let controller: AbortController | null = null;
  const run = (q: string, filters: { tag: string; author: string; year: string }) => {
    clearTimeout(timer);
    controller?.abort();
    const url = new URL(location.href);
    if (q) url.searchParams.set("q", q);
    else url.searchParams.delete("q");
    if (url.href !== location.href) history.replaceState(history.state, "", url);
    if (!q.trim()) {
      setHits([]), setRan(null), setLoading(false), setError(null);
      return;
    }
    setLoading(true);
    timer = window.setTimeout(() => {
      const mine = (controller = new AbortController());
      api.search(params.projectId, { q, ...filters }, mine.signal).then(
        (res) => {
          if (mine.signal.aborted) return;
          setHits(res.items), setTerms(res.terms ?? []), setRan(q), setError(null), setLoading(false), setActive(-1);
        },
        (e: unknown) => {
          if (mine.signal.aborted) return;
          setError(errorMessage(e)), setLoading(false);
        },
      );
    }, DEBOUNCE_MS);
  };
  createEffect(on([searchQuery, tag, author, year], ([q, t, a, y]) => run(q, { tag: t, author: a, year: y })));
  onCleanup(() => (clearTimeout(timer), controller?.abort()));

  const groups = createMemo<Group[]>(() => {
    const byDoc = new Map<string, Group>();
    hits().forEach((h, index) => {
      let g = byDoc.get(h.documentId);
      if (!g) byDoc.set(h.documentId, (g = { documentId: h.documentId, title: h.title, hits: [] }));
      g.hits.push({ ...h, index });
    });
    return [...byDoc.values()];
  });

  const hrefOf = (h: SearchHit) => {
    const q = terms().length ? terms().join(" ") : (ran() ?? searchQuery());
    return `/projects/${params.projectId}/papers/${h.documentId}?page=${h.page}&q=${encodeURIComponent(q)}`;
  };
  const move = (delta: number) => {
    const n = hits().length;
    if (!n) return;
    const next = Math.max(0, Math.min(n - 1, active() + delta));
    setActive(next);
    list?.querySelector<HTMLElement>(`[data-hit="${next}"]`)?.scrollIntoView({ block: "nearest" });
  };
  const keys = (e: KeyboardEvent): boolean => {
    if (e.key === "ArrowDown") return move(1), true;
    if (e.key === "ArrowUp") return move(-1), true;
    if (e.key === "Enter" && active() >= 0 && hits()[active()]) return navigate(hrefOf(hits()[active()]!)), true;
    return false;
  };
  onMount(() => setSearchKeys(() => keys));
  onCleanup(() => setSearchKeys(null));

  const byline = (id: string) => {
    const d = docs().get(id);
    return d ? [authorLine(d.authors), d.year ? String(d.year) : ""].filter(Boolean).join(" · ") : "";
  };

  return (
    <div class="page page-wide search-page">
      <header class="page-header search-header">
        <h1 class="page-title">Search</h1>
        <div class="search-filters" role="group" aria-label="Filters">
          <label class="search-filter">
            <span>Tag</span>
            <input class="input input-sm" value={tag()} onInput={(e) => setTag(e.currentTarget.value.trim())} placeholder="any" />
          </label>
          <label class="search-filter">
            <span>Author</span>
            <input class="input input-sm" value={author()} onInput={(e) => setAuthor(e.currentTarget.value.trim())} placeholder="any" />
          </label>
          <label class="search-filter">
            <span>Year</span>
            <input class="input input-sm search-year" inputmode="numeric" value={year()} onInput={(e) => setYear(e.currentTarget.value.replace(/\D/g, "").slice(0, 4))} placeholder="any" />
          </label>
        </div>
      </header>
      <p class="search-status" role="status" aria-live="polite">
        <Show when={ran() && !error()}>
          {hits().length} {hits().length === 1 ? "match" : "matches"} in {groups().length} {groups().length === 1 ? "paper" : "papers"}
        </Show>
        <Show when={loading()}>
          <span class="search-spinner" aria-label="Searching" />
        </Show>
      </p>
      <Switch>
        <Match when={error()}>
          <ErrorState title="Search failed" message={`${error()} Check your connection and try again.`} onRetry={() => run(searchQuery(), { tag: tag(), author: author(), year: year() })} />
        </Match>
        <Match when={!searchQuery().trim()}>
          <div class="search-empty">
            <p>Type in the search box above (press <kbd>/</kbd>) to search the full text of every paper in this project.</p>
            <SyntaxHints />
          </div>
        </Match>
        <Match when={ran() === null && loading()}>
          <div class="search-results" aria-busy="true">
            <For each={[0, 1, 2]}>{() => <div class="search-group skeleton-block" />}</For>
          </div>
        </Match>
        <Match when={ran() !== null && hits().length === 0}>
          <div class="search-empty">
            <p class="search-empty-title">No matches for “{ran()}”</p>
            <SyntaxHints />
          </div>
        </Match>
        <Match when={true}>
          <div class="search-results" ref={list} classList={{ stale: loading() }}>
            <For each={groups()}>
              {(g) => (
                <section class="search-group" aria-label={g.title}>
                  <h2 class="search-group-title serif">
                    <A href={`/projects/${params.projectId}/papers/${g.documentId}`}>{g.title}</A>
                  </h2>
                  <Show when={byline(g.documentId)}>
                    <p class="search-group-meta">{byline(g.documentId)}</p>
                  </Show>
                  <ul class="search-hits">
                    <For each={g.hits}>
                      {(h) => (
                        <li>
                          <A
                            href={hrefOf(h)}
                            class="search-hit"
                            classList={{ active: active() === h.index }}
                            data-hit={h.index}
                            onFocus={() => setActive(h.index)}
                            onKeyDown={(e) => keys(e) && e.key !== "Enter" && e.preventDefault()}
                          >
                            <span class="search-hit-page">p. {h.page}</span>
                            <span class="search-hit-snippet">
                              <For each={parseSnippet(h.snippet)}>{(part) => (part.mark ? <mark>{part.text}</mark> : part.text)}</For>
                            </span>
                          </A>
                        </li>
                      )}
                    </For>
                  </ul>
                </section>
              )}
            </For>
          </div>
        </Match>
      </Switch>
    </div>
  );
}

function SyntaxHints() {
  return (
    <ul class="search-hints">
      <li>
        <code>"exact phrase"</code> matches the words together
      </li>
      <li>
        <code>prefix*</code> matches words that start so
      </li>
      <li>
        <code>kinase OR phosphatase</code> matches either
      </li>
      <li>
        <code>-word</code> leaves out pages with that word
      </li>
    </ul>
  );
}
