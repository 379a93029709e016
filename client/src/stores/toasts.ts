// Short confirmations ("Invite sent"), shown in a corner and announced through an aria-live region.
import { createSignal } from "solid-js";

export interface Toast {
  id: number;
  message: string;
  tone: "success" | "error" | "info";
}

const [toasts, setToasts] = createSignal<Toast[]>([]);
let nextId = 1;

export { toasts };

export function toast(message: string, tone: Toast["tone"] = "success"): void {
  const id = nextId++;
  setToasts((list) => [...list, { id, message, tone }]);
  setTimeout(() => dismissToast(id), tone === "error" ? 8000 : 4500);
}

export function dismissToast(id: number): void {
  setToasts((list) => list.filter((t) => t.id !== id));
}
