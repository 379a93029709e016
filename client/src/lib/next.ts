// Where to go after signing in. Only same-site paths are followed, so a crafted
// `?next=https://evil.example` link cannot bounce a user off the site.
export function safeNext(value: string | string[] | undefined, fallback = "/projects"): string {
  const next = Array.isArray(value) ? value[0] : value;
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return fallback;
  return next;
}

export function loginHref(next: string): string {
  return `/login?next=${encodeURIComponent(next)}`;
}
