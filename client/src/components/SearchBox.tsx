// The project search box in the top bar: typing goes to the search page (results as you type);
// `/` focuses it from anywhere but a text field, Esc clears it and leaves.
import { useLocation, useNavigate } from "@solidjs/router";
import { onCleanup, onMount } from "solid-js";
import { searchKeys, searchQuery, setSearchQuery } from "../stores/search";
import { Icon } from "./Icon";
import "../styles/search-box.css";

function typingInField(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
}

export function SearchBox(props: { projectId: string }) {
  const navigate = useNavigate();
  const location = useLocation();
  let input!: HTMLInputElement;
  const searchPath = () => `/projects/${props.projectId}/search`;

  onMount(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "/" && !e.ctrlKey && !e.metaKey && !e.altKey && !typingInField(e.target)) {
        e.preventDefault();
        input.focus();
        input.select();
      }
    };
    window.addEventListener("keydown", onKey);
    onCleanup(() => window.removeEventListener("keydown", onKey));
  });

  function onInput(value: string) {
    setSearchQuery(value);
    if (location.pathname !== searchPath()) navigate(`${searchPath()}?q=${encodeURIComponent(value)}`);
  }

  return (
    <form class="topbar-search" role="search" onSubmit={(e) => (e.preventDefault(), onInput(input.value))}>
      <Icon name="search" size={14} />
      <input
        ref={input}
        type="search"
        class="topbar-search-input"
        placeholder="Search this project"
        aria-label="Search this project"
        title="Search this project (/)"
        autocomplete="off"
        spellcheck={false}
        value={searchQuery()}
        onInput={(e) => onInput(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === "Escape") {
            e.preventDefault();
            setSearchQuery("");
            input.blur();
            return;
          }
          const handler = searchKeys();
          if (handler && handler(e)) e.preventDefault();
        }}
      />
      <kbd class="topbar-search-kbd" aria-hidden="true">/</kbd>
    </form>
  );
}
