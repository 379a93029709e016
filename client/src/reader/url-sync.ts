// Keeps `?page=N` of the address in step with the page in view (replaceState: no history
// entries while scrolling), and reads the deep link's page and hash on arrival.
import { createEffect, on, type Accessor } from "solid-js";

export function initialPageFromUrl(): number {
  const n = Number.parseInt(new URLSearchParams(location.search).get("page") ?? "", 10);
  return Number.isFinite(n) && n > 0 ? n : 1;
}

/** `#annotation-<id>` or `#comment-<id>`, as mention emails link them. */
export function initialTargetFromUrl(): { kind: "annotation" | "comment"; id: string } | null {
  const m = /^#(annotation|comment)-(.+)$/.exec(location.hash);
  return m ? { kind: m[1] as "annotation" | "comment", id: decodeURIComponent(m[2]!) } : null;
}

export function syncPageToUrl(page: Accessor<number>, ready: Accessor<boolean>) {
  let timer = 0;
  createEffect(
    on([page, ready], ([p, isReady]) => {
      if (!isReady) return;
      clearTimeout(timer);
      timer = window.setTimeout(() => {
        const url = new URL(location.href);
        if (url.searchParams.get("page") === String(p)) return;
        url.searchParams.set("page", String(p));
        history.replaceState(history.state, "", url);
      }, 250);
    }),
  );
}
