// Who else has each of my projects open, for the projects rail. Read every 45 s while the tab is
// visible and at once when it becomes visible again; a hidden tab asks nothing. (Inside a project
// its own presence is live over the project's socket; this is the glance across projects.)
import { createSignal } from "solid-js";
import { api, type ProjectOnlineDto } from "../api";

const REFRESH_MS = 45_000;

const [online, setOnline] = createSignal<ReadonlyMap<string, ProjectOnlineDto["users"]>>(new Map());

/** Who else has `projectId` open (empty when nobody, or not known yet). */
export const onlineIn = (projectId: string): ProjectOnlineDto["users"] => online().get(projectId) ?? [];

async function refresh(): Promise<void> {
  try {
    const { items } = await api.online();
    setOnline(new Map(items.map((p) => [p.projectId, p.users])));
  } catch {
    // A hint, not a feature to fail loudly: keep what we showed.
  }
}

/** Starts following (call once signed in); returns the function that stops it. */
export function followOnline(): () => void {
  let timer: ReturnType<typeof setInterval> | undefined;
  const start = () => {
    void refresh();
    if (timer === undefined) timer = setInterval(() => void refresh(), REFRESH_MS);
  };
  const stop = () => {
    clearInterval(timer);
    timer = undefined;
  };
  const onVisibility = () => (document.visibilityState === "visible" ? start() : stop());
  document.addEventListener("visibilitychange", onVisibility);
  onVisibility();
  return () => {
    stop();
    document.removeEventListener("visibilitychange", onVisibility);
    setOnline(new Map());
  };
}

/** "Ada Lovelace and Grace Hopper", "Ada, Grace and 3 others". */
export function namesOf(users: ProjectOnlineDto["users"]): string {
  const names = users.map((u) => u.name);
  if (names.length <= 2) return names.join(" and ");
  if (names.length === 3) return `${names[0]}, ${names[1]} and ${names[2]}`;
  return `${names[0]}, ${names[1]} and ${names.length - 2} others`;
}
