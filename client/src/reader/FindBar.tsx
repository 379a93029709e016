// Ctrl/Cmd+F opens this bar over the pages: type to search the whole paper, Enter / Shift+Enter
// (or the arrows) to move between matches, Esc to close.
import { createEffect, Show } from "solid-js";
import type { Find } from "./find";
import { RIcon } from "./icons";

export function FindBar(props: { find: Find }) {
  const f = props.find;
  let input!: HTMLInputElement;
  let timer = 0;

  createEffect(() => {
    if (f.open()) queueMicrotask(() => input?.select());
  });

  function onInput(value: string) {
    clearTimeout(timer);
    timer = window.setTimeout(() => void f.search(value), 150);
  }

  function onKey(e: KeyboardEvent) {
    if (e.key === "Enter") {
      e.preventDefault();
      if (input.value !== f.query()) void f.search(input.value);
      else if (e.shiftKey) f.prev();
      else f.next();
    } else if (e.key === "Escape") {
      e.preventDefault();
      f.close();
    }
  }

  const status = () => {
    if (!f.query().trim()) return "";
    const n = f.matches().length;
    if (n === 0) return f.searching() ? "Searching…" : "No matches";
    return `${f.current() + 1 > 0 ? f.current() + 1 : "–"} of ${n}${f.searching() ? "+" : ""}`;
  };

  return (
    <Show when={f.open()}>
      <div class="find-bar" role="search">
        <RIcon name="search" size={14} />
        <input ref={input} class="find-input" aria-label="Find in document" placeholder="Find in document" value={f.query()} onInput={(e) => onInput(e.currentTarget.value)} onKeyDown={onKey} />
        <span class="find-status" aria-live="polite">
          {status()}
        </span>
        <button type="button" class="btn-icon btn-icon-sm" aria-label="Previous match" title="Previous match (Shift Enter)" disabled={f.matches().length === 0} onClick={() => f.prev()}>
          <RIcon name="up" size={14} />
        </button>
        <button type="button" class="btn-icon btn-icon-sm" aria-label="Next match" title="Next match (Enter)" disabled={f.matches().length === 0} onClick={() => f.next()}>
          <RIcon name="down" size={14} />
        </button>
        <button type="button" class="btn-icon btn-icon-sm" aria-label="Close find" title="Close (Esc)" onClick={() => f.close()}>
          <RIcon name="close" size={14} />
        </button>
      </div>
    </Show>
  );
}
