// Who is who in the reader: display names from the project's members (and from HTTP answers
// for former members), a stable avatar hue per person, and what the caller may do.
import { createResource } from "solid-js";
import { api, type Role } from "../api";
import { initials } from "../lib/format";
import { user } from "../stores/session";

export const HIGHLIGHT_COLORS = ["yellow", "green", "blue", "pink", "purple"] as const;
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];
export const colorLabel: Record<HighlightColor, string> = { yellow: "Yellow", green: "Green", blue: "Blue", pink: "Pink", purple: "Purple" };

const HUES = [222, 158, 12, 280, 195, 38, 330, 100];

/** The same person always gets the same avatar colour. */
export function hueOf(userId: string): number {
  let h = 0;
  for (let i = 0; i < userId.length; i++) h = (h * 31 + userId.charCodeAt(i)) >>> 0;
  return HUES[h % HUES.length]!;
}

export function createPeople(projectId: string, role: Role, fallbackName: (id: string) => string | undefined) {
  const [members] = createResource(() => api.listMembers(projectId).then((p) => p.items).catch(() => []));
  const me = () => user()?.id ?? null;
  const nameOf = (id: string): string => {
    if (id === me()) return user()?.name ?? "You";
    return members()?.find((m) => m.userId === id)?.name ?? fallbackName(id) ?? "Former member";
  };
  return {
    me,
    nameOf,
    initialsOf: (id: string) => initials(nameOf(id)),
    canHighlight: role === "owner" || role === "editor",
    canEditMeta: role === "owner" || role === "editor",
    /** Authors edit their own; owners may also delete anyone's. */
    canEdit: (authorId: string) => authorId === me(),
    canDelete: (authorId: string) => authorId === me() || role === "owner",
    members,
  };
}

export type People = ReturnType<typeof createPeople>;
