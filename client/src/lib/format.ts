// Dates and roles as people read them.
import type { Role } from "../api";

const dateFormat = new Intl.DateTimeFormat(undefined, { year: "numeric", month: "short", day: "numeric" });
const relative = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });

export function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date);
}

/** "3 minutes ago", "yesterday"; falls back to the date after a month. */
export function timeAgo(iso: string, now = Date.now()): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const abs = Math.abs(seconds);
  if (Number.isNaN(seconds)) return iso;
  if (abs < 60) return "just now";
  if (abs < 3600) return relative.format(Math.round(seconds / 60), "minute");
  if (abs < 86400) return relative.format(Math.round(seconds / 3600), "hour");
  if (abs < 30 * 86400) return relative.format(Math.round(seconds / 86400), "day");
  return formatDate(iso);
}

export const roleLabel: Record<Role, string> = { owner: "Owner", editor: "Editor", viewer: "Viewer" };

export const roleHelp: Record<Role, string> = {
  owner: "Everything, including members and deleting the project",
  editor: "Upload, annotate, comment, rename and delete papers",
  viewer: "Read, search and comment",
};

/** Completes "Editors can …". */
export const roleCan: Record<Role, string> = {
  owner: "do everything, including managing members and deleting the project",
  editor: "upload, annotate, comment on, rename and delete papers",
  viewer: "read, search and comment on papers",
};

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? parts[0]![0]! + parts[parts.length - 1]![0]! : (parts[0] ?? "?").slice(0, 2);
  return letters.toUpperCase();
}
