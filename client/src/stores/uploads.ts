// The upload tray's queue: files picked or dropped, sent at most three at a time, each with
// its progress, speed, cancel and retry. A finished upload stays listed (its paper's parse
// status comes from the documents store) until the person clears it.
import { createStore, produce } from "solid-js/store";
import { ApiError, type DocumentDto } from "../api";
import { abortResumable, isAbort, newResumableState, RESUMABLE_ABOVE, uploadResumable, uploadSingle, type ResumableState } from "../lib/upload";
import { announce } from "./announcer";
import { addIfMissing } from "./documents";

export type UploadState = "waiting" | "uploading" | "retrying" | "done" | "duplicate" | "failed" | "cancelled";

export interface UploadItem {
  id: number;
  projectId: string;
  name: string;
  size: number;
  state: UploadState;
  loaded: number;
  /** Bytes per second, smoothed. */
  speed: number;
  error: string | null;
  /** A plan limit (402) stopped it: the tray links to /billing. */
  planLimit?: boolean;
  /** False when sending the same file again cannot help (it is not a PDF). */
  retryable: boolean;
  /** The paper created (or, for a duplicate, the one already there). */
  document: DocumentDto | null;
}

const MAX_PARALLEL = 3;
const [uploads, setUploads] = createStore<UploadItem[]>([]);
export { uploads };

interface Work {
  file: File;
  controller: AbortController | null;
  resumable: ResumableState | null;
}
const work = new Map<number, Work>();
let nextId = 1;

export function looksLikePdf(file: File): boolean {
  return file.type === "application/pdf" || /\.pdf$/i.test(file.name);
}

/** Queues files for upload; files that are plainly not PDFs are listed as refused at once. */
export function enqueueUploads(projectId: string, files: File[]): void {
  const added: UploadItem[] = files.map((file) => {
    const pdf = looksLikePdf(file);
    const item: UploadItem = {
      id: nextId++,
      projectId,
      name: file.name,
      size: file.size,
      state: pdf ? "waiting" : "failed",
      loaded: 0,
      speed: 0,
      error: pdf ? null : "Not a PDF. Only PDF files can be added to the library.",
      retryable: false,
      document: null,
    };
    if (pdf) work.set(item.id, { file, controller: null, resumable: file.size > RESUMABLE_ABOVE ? newResumableState() : null });
    return item;
  });
  setUploads((list) => [...list, ...added]);
  const accepted = added.filter((u) => u.state === "waiting").length;
  if (accepted) announce(accepted === 1 ? `Uploading ${added.find((u) => u.state === "waiting")!.name}` : `Uploading ${accepted} papers`);
  pump();
}

function update(id: number, patch: Partial<UploadItem>): void {
  setUploads((u) => u.id === id, patch);
}

function pump(): void {
  const active = uploads.filter((u) => u.state === "uploading" || u.state === "retrying").length;
  const next = uploads.filter((u) => u.state === "waiting").slice(0, Math.max(0, MAX_PARALLEL - active));
  for (const item of next) void run(item.id, item.projectId);
}

async function run(id: number, projectId: string): Promise<void> {
  const job = work.get(id);
  if (!job) return;
  const controller = new AbortController();
  job.controller = controller;
  update(id, { state: "uploading", error: null, speed: 0 });
  let last = { at: performance.now(), loaded: 0 };
  const hooks = {
    signal: controller.signal,
    onProgress(loaded: number) {
      const now = performance.now();
      const dt = (now - last.at) / 1000;
      if (dt >= 0.25) {
        const instant = Math.max(0, loaded - last.loaded) / dt;
        const prev = uploads.find((u) => u.id === id)?.speed ?? 0;
        update(id, { speed: prev ? prev * 0.6 + instant * 0.4 : instant });
        last = { at: now, loaded };
      }
      update(id, { loaded, state: "uploading" });
    },
    onRetrying: () => update(id, { state: "retrying" }),
  };
  try {
    let result;
    try {
      result = job.resumable ? await uploadResumable(projectId, job.file, job.resumable, hooks) : await uploadSingle(projectId, job.file, hooks);
    } catch (error) {
      // Over the single-request limit: the resumable route takes any size.
      if (!(error instanceof ApiError && error.status === 413 && !job.resumable)) throw error;
      job.resumable = newResumableState();
      result = await uploadResumable(projectId, job.file, job.resumable, hooks);
    }
    work.delete(id);
    update(id, { state: result.duplicate ? "duplicate" : "done", loaded: job.file.size, document: result.document, speed: 0 });
    addIfMissing(result.document);
    const name = uploads.find((u) => u.id === id)?.name ?? "The paper";
    announce(result.duplicate ? `${name} is already in this project` : `${name} uploaded, waiting to be parsed`);
  } catch (error) {
    if (isAbort(error)) {
      update(id, { state: "cancelled", speed: 0, retryable: true });
    } else {
      const message = uploadErrorMessage(error);
      update(id, { state: "failed", error: message, speed: 0, retryable: !(error instanceof ApiError && error.status === 415), planLimit: error instanceof ApiError && error.status === 402 });
      announce(`${job.file.name} was not uploaded: ${message}`);
    }
  } finally {
    job.controller = null;
    pump();
  }
}

export function uploadErrorMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return "Something went wrong. Try again.";
  if (error.status === 415) return "This file is not a PDF, so it was not added.";
  if (error.status === 413) return "This file is too large to upload.";
  if (error.status === 403) return "Only editors and owners can add papers to this project.";
  if (error.status === 0) return "The connection dropped. Retry to continue where it stopped.";
  return error.message;
}

export function cancelUpload(id: number): void {
  const job = work.get(id);
  const item = uploads.find((u) => u.id === id);
  if (!job || !item) return;
  if (item.state === "waiting") update(id, { state: "cancelled", retryable: true });
  job.controller?.abort();
  if (job.resumable) abortResumable(item.projectId, job.resumable);
}

export function retryUpload(id: number): void {
  if (!work.has(id)) return;
  update(id, { state: "waiting", error: null });
  pump();
}

export function dismissUpload(id: number): void {
  const item = uploads.find((u) => u.id === id);
  if (item && (item.state === "uploading" || item.state === "retrying" || item.state === "waiting")) cancelUpload(id);
  work.delete(id);
  setUploads((list) => list.filter((u) => u.id !== id));
}

/** Removes every upload of the project that is no longer running. */
export function clearFinished(projectId: string): void {
  setUploads(
    produce((list) => {
      for (let i = list.length - 1; i >= 0; i--) {
        const u = list[i]!;
        if (u.projectId === projectId && !["waiting", "uploading", "retrying"].includes(u.state)) {
          work.delete(u.id);
          list.splice(i, 1);
        }
      }
    }),
  );
}
