// The project search query, shared by the top-bar box (where it is typed) and the search page
// (which runs it and keeps `?q=` in step). Hits are moved through from the box with arrow keys.
import { createSignal } from "solid-js";

export const [searchQuery, setSearchQuery] = createSignal("");
/** Set by the search page while it is open: the box hands it ArrowUp/ArrowDown/Enter. */
export const [searchKeys, setSearchKeys] = createSignal<((e: KeyboardEvent) => boolean) | null>(null);
