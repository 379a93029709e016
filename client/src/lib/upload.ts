// Sending one PDF to a project (api.md §Documents). XMLHttpRequest rather than fetch because
// only it reports upload progress. Small files go in one request, sent again after a transient
// failure; larger ones over the resumable route, part by part, each part retried with backoff
// after a network error and the whole upload resumable from the first part the server has not
// acknowledged.
import { ApiError, isTransient, type DocumentDto } from "../api";

/** Files above this go over the resumable route (the single request allows 95 MB). */
export const RESUMABLE_ABOVE = 20 * 1024 * 1024;
const PART_ATTEMPTS = 6;
const SINGLE_ATTEMPTS = 4;

export interface UploadResult {
  document: DocumentDto;
  duplicate: boolean;
}

/** What a resumable upload has achieved so far; kept between attempts so a retry resumes. */
export interface ResumableState {
  uploadId: string | null;
  partSize: number;
  parts: number;
  acked: Set<number>;
}

export interface UploadHooks {
  /** Bytes of the file the server has (or is receiving) so far. */
  onProgress(loaded: number): void;
  /** Told when a request failed transiently and is about to be sent again. */
  onRetrying?(attempt: number): void;
  signal: AbortSignal;
}

export function newResumableState(): ResumableState {
  return { uploadId: null, partSize: 0, parts: 0, acked: new Set() };
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === "AbortError";
}

function send<T>(method: string, url: string, body: XMLHttpRequestBodyInit | null, headers: Record<string, string>, hooks: Pick<UploadHooks, "signal"> & { onProgress?: (n: number) => void }) {
  return new Promise<{ status: number; data: T }>((resolve, reject) => {
    if (hooks.signal.aborted) return reject(new DOMException("Upload cancelled", "AbortError"));
    const xhr = new XMLHttpRequest();
    xhr.open(method, url);
    xhr.withCredentials = true;
    xhr.setRequestHeader("Accept", "application/json");
    for (const [k, v] of Object.entries(headers)) xhr.setRequestHeader(k, v);
    if (hooks.onProgress) xhr.upload.onprogress = (e) => hooks.onProgress!(e.loaded);
    const abort = () => xhr.abort();
    hooks.signal.addEventListener("abort", abort, { once: true });
    const done = () => hooks.signal.removeEventListener("abort", abort);
    xhr.onabort = () => {
      done();
      reject(new DOMException("Upload cancelled", "AbortError"));
    };
    xhr.onerror = () => {
      done();
      reject(new ApiError(0, "network_error", "The connection dropped during the upload."));
    };
    xhr.onload = () => {
      done();
      let data: unknown = null;
      try {
        data = xhr.status === 204 ? null : JSON.parse(xhr.responseText);
      } catch {
        // not JSON: fall through with null
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve({ status: xhr.status, data: data as T });
      const error = (data as { error?: { code?: string; message?: string } } | null)?.error;
      reject(new ApiError(xhr.status, error?.code ?? "http_error", error?.message ?? `The server answered ${xhr.status}.`));
    };
    xhr.send(body);
  });
}

const base = (projectId: string) => `/api/projects/${encodeURIComponent(projectId)}`;

/**
 * One request with the whole file as the body, sent again after a transient failure (dropped
 * connection, 429, 5xx). Safe to repeat: the server keeps one copy of the same bytes per project
 * and answers a repeat with the paper it already has.
 */
export async function uploadSingle(projectId: string, file: File, hooks: UploadHooks): Promise<UploadResult> {
  const headers = { "Content-Type": "application/pdf", "X-Filename": encodeURIComponent(file.name) };
  for (let attempt = 1; ; attempt++) {
    try {
      const { data } = await send<{ document: DocumentDto; duplicate?: boolean }>("POST", `${base(projectId)}/documents`, file, headers, {
        signal: hooks.signal,
        onProgress: hooks.onProgress,
      });
      // After a retry, "already there" most likely means our own earlier attempt got through.
      return { document: data.document, duplicate: data.duplicate === true && attempt === 1 };
    } catch (error) {
      if (!isTransient(error) || attempt >= SINGLE_ATTEMPTS) throw error;
      hooks.onRetrying?.(attempt);
      hooks.onProgress(0);
      await online(hooks.signal);
      await wait(Math.min(16_000, 1000 * 2 ** (attempt - 1)) * (0.5 + Math.random() / 2), hooks.signal);
    }
  }
}

function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => {
      clearTimeout(timer);
      reject(new DOMException("Upload cancelled", "AbortError"));
    }, { once: true });
  });
}

/** Resolves when the browser says it is online again (at once when it is). */
function online(signal: AbortSignal): Promise<void> {
  if (navigator.onLine) return Promise.resolve();
  return new Promise((resolve) => {
    const go = () => resolve();
    window.addEventListener("online", go, { once: true });
    signal.addEventListener("abort", go, { once: true });
  });
}

/** Creates (or continues) a resumable upload; `state` remembers acknowledged parts for a retry. */
export async function uploadResumable(projectId: string, file: File, state: ResumableState, hooks: UploadHooks): Promise<UploadResult> {
  const json = { "Content-Type": "application/json" };
  if (!state.uploadId) {
    const { data } = await send<{ uploadId: string; partSize: number; parts: number }>(
      "POST", `${base(projectId)}/uploads`, JSON.stringify({ filename: file.name, size: file.size }), json, { signal: hooks.signal },
    );
    Object.assign(state, { uploadId: data.uploadId, partSize: data.partSize, parts: data.parts, acked: new Set<number>() });
  }
  const url = `${base(projectId)}/uploads/${encodeURIComponent(state.uploadId!)}`;
  const ackedBytes = () => [...state.acked].reduce((sum, n) => sum + partLength(state, file.size, n), 0);
  hooks.onProgress(ackedBytes());
  for (let n = 1; n <= state.parts; n++) {
    if (state.acked.has(n)) continue;
    const start = (n - 1) * state.partSize;
    const blob = file.slice(start, start + partLength(state, file.size, n));
    for (let attempt = 1; ; attempt++) {
      try {
        const before = ackedBytes();
        await send("PUT", `${url}/parts/${n}`, blob, {}, { signal: hooks.signal, onProgress: (loaded) => hooks.onProgress(before + loaded) });
        state.acked.add(n);
        break;
      } catch (error) {
        if (!isTransient(error) || attempt >= PART_ATTEMPTS) throw error;
        hooks.onRetrying?.(attempt);
        await online(hooks.signal);
        await wait(Math.min(16_000, 1000 * 2 ** (attempt - 1)) * (0.5 + Math.random() / 2), hooks.signal);
      }
    }
  }
  const { data } = await send<{ document: DocumentDto; duplicate?: boolean }>("POST", `${url}/complete`, null, {}, { signal: hooks.signal });
  state.uploadId = null;
  return { document: data.document, duplicate: data.duplicate === true };
}

function partLength(state: ResumableState, size: number, n: number): number {
  return n < state.parts ? state.partSize : size - state.partSize * (state.parts - 1);
}

/** Gives up a resumable upload on the server (after cancel). Best effort. */
export function abortResumable(projectId: string, state: ResumableState): void {
  if (!state.uploadId) return;
  const xhr = new XMLHttpRequest();
  xhr.open("DELETE", `${base(projectId)}/uploads/${encodeURIComponent(state.uploadId)}`);
  xhr.send();
  state.uploadId = null;
}
