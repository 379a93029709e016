// The one API module: every HTTP call the client makes goes through `request`, so errors
// always arrive as an ApiError carrying the contract's {code, message} and the status.
import type { ApiTokenDto, InviteDto, MemberDto, ProjectDto, ProjectOnlineDto, Role, UserDto } from "../../protocol/api";
import type { DocumentDto, DocumentStatus } from "../../protocol/documents";
import type { AnnotationDto, CommentDto, DiscussionCountDto, HighlightColor } from "../../protocol/annotations";
import type { BillingDto, BillingInterval } from "../../protocol/billing";

export type { BillingDto, BillingInterval, DiscussionCountDto };
export type { ApiTokenDto, DocumentDto, DocumentStatus, InviteDto, MemberDto, ProjectDto, ProjectOnlineDto, Role, UserDto };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The whole error body, for answers that carry more (a 409's current version). */
    readonly data?: unknown,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** No answer, 429 or 5xx: worth sending again (safe where the server dedupes the request). */
export function isTransient(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 0 || error.status === 429 || error.status >= 500);
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface InvitePreview {
  email: string;
  role: Role;
  projectName: string;
  inviterName: string;
  expiresAt: string;
  expired: boolean;
  accepted: boolean;
}

/** HTTP answers name the author; realtime events carry only authorId. */
export type Named<T> = T & { authorName?: string | null };
export type { AnnotationDto, CommentDto, HighlightColor };
export type NewAnnotation = Pick<AnnotationDto, "page" | "quote" | "prefix" | "suffix" | "rects" | "color" | "note">;

/** One bibliography entry; documentId is the paper of this project it names, if any. */
export interface ReferenceItem {
  index: number;
  raw: string;
  doi: string | null;
  title: string | null;
  year: number | null;
  documentId: string | null;
}
export interface ReferencesDto {
  items: ReferenceItem[];
  citedBy: { documentId: string; title: string }[];
}
export interface CitationGraphDto {
  nodes: { id: string; title: string; year: number | null; authors: string[]; citedByCount: number }[];
  edges: { from: string; to: string }[];
}

export interface CreatedToken {
  id: string;
  name: string;
  token: string;
}

type Method = "GET" | "POST" | "PATCH" | "DELETE";

export interface SearchQuery {
  q: string;
  tag?: string;
  author?: string;
  year?: string;
  limit?: number;
}
export interface SearchHit {
  documentId: string;
  title: string;
  page: number;
  /** HTML: escaped by the server, with only <mark>…</mark> left (render with lib/snippet.ts). */
  snippet: string;
}
export interface SearchResult {
  items: SearchHit[];
  terms?: string[];
}

async function request<T>(method: Method, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`/api${path}`, {
      method,
      signal,
      credentials: "same-origin",
      headers: body === undefined ? { Accept: "application/json" } : { Accept: "application/json", "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, "network_error", "Could not reach Scrollkeeper. Check your connection and try again.");
  }
  if (res.status === 204) return undefined as T;
  const data: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const error = (data as { error?: { code?: unknown; message?: unknown } } | null)?.error;
    const code = typeof error?.code === "string" ? error.code : "http_error";
    const message = typeof error?.message === "string" ? error.message : `The server answered ${res.status}. Try again in a moment.`;
    throw new ApiError(res.status, code, message, data);
  }
  return data as T;
}

const enc = encodeURIComponent;

export const api = {
  me: () => request<{ user: UserDto }>("GET", "/me"),
  online: () => request<{ items: ProjectOnlineDto[] }>("GET", "/me/online"),
  signup: (body: { email: string; password: string; name: string }) => request<{ user: UserDto }>("POST", "/auth/signup", body),
  login: (body: { email: string; password: string }) => request<{ user: UserDto }>("POST", "/auth/login", body),
  logout: () => request<void>("POST", "/auth/logout"),
  verify: (token: string) => request<{ user: UserDto }>("POST", "/auth/verify", { token }),
  resendVerification: () => request<unknown>("POST", "/auth/verify/resend"),
  requestPasswordReset: (email: string) => request<unknown>("POST", "/auth/password-reset", { email }),
  confirmPasswordReset: (token: string, password: string) =>
    request<{ user: UserDto }>("POST", "/auth/password-reset/confirm", { token, password }),

  listTokens: () => request<Page<ApiTokenDto>>("GET", "/tokens"),
  createToken: (name: string) => request<CreatedToken>("POST", "/tokens", { name }),
  revokeToken: (id: string) => request<void>("DELETE", `/tokens/${enc(id)}`),

  listProjects: () => request<Page<ProjectDto>>("GET", "/projects?limit=200"),
  createProject: (name: string) => request<{ project: ProjectDto }>("POST", "/projects", { name }),
  getProject: (id: string) => request<{ project: ProjectDto }>("GET", `/projects/${enc(id)}`),
  renameProject: (id: string, name: string) => request<{ project: ProjectDto }>("PATCH", `/projects/${enc(id)}`, { name }),
  deleteProject: (id: string) => request<void>("DELETE", `/projects/${enc(id)}`),

  listMembers: (projectId: string) => request<Page<MemberDto>>("GET", `/projects/${enc(projectId)}/members`),
  setMemberRole: (projectId: string, userId: string, role: Role) =>
    request<{ member: MemberDto }>("PATCH", `/projects/${enc(projectId)}/members/${enc(userId)}`, { role }),
  removeMember: (projectId: string, userId: string) => request<void>("DELETE", `/projects/${enc(projectId)}/members/${enc(userId)}`),

  listInvites: (projectId: string) => request<Page<InviteDto>>("GET", `/projects/${enc(projectId)}/invites`),
  createInvite: (projectId: string, email: string, role: Role) =>
    request<{ invite: InviteDto }>("POST", `/projects/${enc(projectId)}/invites`, { email, role }),
  revokeInvite: (projectId: string, inviteId: string) => request<void>("DELETE", `/projects/${enc(projectId)}/invites/${enc(inviteId)}`),
  getInvite: (token: string) => request<{ invite: InvitePreview }>("GET", `/invites/${enc(token)}`),
  acceptInvite: (token: string) => request<{ project: ProjectDto }>("POST", `/invites/${enc(token)}/accept`),

  // Papers. Uploads go through lib/upload.ts (XMLHttpRequest, for progress events).
  listDocuments: (projectId: string, query: { cursor?: string | null; status?: string; q?: string; tag?: string; limit?: number } = {}) => {
    const params = new URLSearchParams({ limit: String(query.limit ?? 50) });
    for (const key of ["cursor", "status", "q", "tag"] as const) if (query[key]) params.set(key, query[key]!);
    return request<Page<DocumentDto>>("GET", `/projects/${enc(projectId)}/documents?${params}`);
  },
  getDocumentPage: (projectId: string, documentId: string, n: number) =>
    request<{ page: number; text: string }>("GET", `/projects/${enc(projectId)}/documents/${enc(documentId)}/pages/${n}`),
  reparseDocument: (projectId: string, documentId: string) =>
    request<{ document: DocumentDto }>("POST", `/projects/${enc(projectId)}/documents/${enc(documentId)}/reparse`),
  deleteDocument: (projectId: string, documentId: string) => request<void>("DELETE", `/projects/${enc(projectId)}/documents/${enc(documentId)}`),
  /** A flagged duplicate: "keep" clears the flag; "merge" folds it into the older paper, which is returned. */
  resolveDuplicate: (projectId: string, documentId: string, action: "keep" | "merge") =>
    request<{ document: DocumentDto }>("POST", `/projects/${enc(projectId)}/documents/${enc(documentId)}/duplicate`, { action }),
  /** Where a normal download (an anchor's href; the session cookie goes along) gets the bibliography. */
  exportUrl: (projectId: string, format: "bib" | "json", ids?: string[]) =>
    `/api/projects/${enc(projectId)}/export.${format}${ids?.length ? `?ids=${ids.map(enc).join(",")}` : ""}`,

  // Full-text search (api.md §Search): ranked hits, snippets escaped by the server except <mark>.
  search: (projectId: string, query: SearchQuery, signal?: AbortSignal) => {
    const params = new URLSearchParams({ q: query.q, limit: String(query.limit ?? 50) });
    for (const key of ["tag", "author", "year"] as const) if (query[key]) params.set(key, query[key]!);
    return request<SearchResult>("GET", `/projects/${enc(projectId)}/search?${params}`, undefined, signal);
  },

  // Reader: one paper, its metadata, highlights and comment threads.
  getDocument: (projectId: string, documentId: string) =>
    request<{ document: DocumentDto }>("GET", `/projects/${enc(projectId)}/documents/${enc(documentId)}`),
  updateDocument: (projectId: string, documentId: string, patch: Partial<Pick<DocumentDto, "title" | "authors" | "year" | "doi" | "abstract" | "tags">>) =>
    request<{ document: DocumentDto }>("PATCH", `/projects/${enc(projectId)}/documents/${enc(documentId)}`, patch),
  listAnnotations: (projectId: string, documentId: string, cursor?: string | null) =>
    request<Page<Named<AnnotationDto>>>("GET", `/projects/${enc(projectId)}/documents/${enc(documentId)}/annotations?limit=200${cursor ? `&cursor=${enc(cursor)}` : ""}`),
  /** `id`: a client-chosen id makes sending the same create again harmless (lib/idempotent-create.ts). */
  createAnnotation: (projectId: string, documentId: string, body: NewAnnotation & { id?: string }) =>
    request<{ annotation: Named<AnnotationDto> }>("POST", `/projects/${enc(projectId)}/documents/${enc(documentId)}/annotations`, body),
  updateAnnotation: (projectId: string, annotationId: string, body: { version: number; color?: HighlightColor; note?: string | null }) =>
    request<{ annotation: Named<AnnotationDto> }>("PATCH", `/projects/${enc(projectId)}/annotations/${enc(annotationId)}`, body),
  deleteAnnotation: (projectId: string, annotationId: string) => request<void>("DELETE", `/projects/${enc(projectId)}/annotations/${enc(annotationId)}`),
  listComments: (projectId: string, documentId: string, cursor?: string | null) =>
    request<Page<Named<CommentDto>>>("GET", `/projects/${enc(projectId)}/documents/${enc(documentId)}/comments?limit=200${cursor ? `&cursor=${enc(cursor)}` : ""}`),
  createComment: (projectId: string, documentId: string, body: { body: string; annotationId?: string | null; parentId?: string | null; id?: string }) =>
    request<{ comment: Named<CommentDto> }>("POST", `/projects/${enc(projectId)}/documents/${enc(documentId)}/comments`, body),
  updateComment: (projectId: string, commentId: string, body: { body: string; version?: number }) =>
    request<{ comment: Named<CommentDto> }>("PATCH", `/projects/${enc(projectId)}/comments/${enc(commentId)}`, body),
  deleteComment: (projectId: string, commentId: string) => request<void>("DELETE", `/projects/${enc(projectId)}/comments/${enc(commentId)}`),
  setThreadResolved: (projectId: string, commentId: string, resolved: boolean) =>
    request<{ comment: Named<CommentDto> }>("POST", `/projects/${enc(projectId)}/comments/${enc(commentId)}/${resolved ? "resolve" : "reopen"}`),

  // Plans and billing (api.md §Billing): checkout and portal answer a Stripe URL to open.
  getBilling: () => request<BillingDto>("GET", "/billing"),
  startCheckout: (plan: "researcher" | "lab", interval: BillingInterval, seats?: number) =>
    request<{ url: string }>("POST", "/billing/checkout", { plan, interval, seats }),
  openBillingPortal: () => request<{ url: string }>("POST", "/billing/portal"),

  // References between papers of a project.
  getReferences: (projectId: string, documentId: string) =>
    request<ReferencesDto>("GET", `/projects/${enc(projectId)}/documents/${enc(documentId)}/references`),
  getCitationGraph: (projectId: string) => request<CitationGraphDto>("GET", `/projects/${enc(projectId)}/citation-graph`),
  getDiscussion: (projectId: string) => request<{ items: DiscussionCountDto[] }>("GET", `/projects/${enc(projectId)}/discussion`),
};

/** The message to show a person for anything thrown by an API call. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return "Something went wrong. Try again in a moment.";
}
