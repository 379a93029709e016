// Small pieces of UI state that several parts of the shell open or read.
import { createSignal } from "solid-js";

const RAIL_KEY = "sk.railCollapsed";

export const [newProjectOpen, setNewProjectOpen] = createSignal(false);

const [railCollapsed, setRailCollapsedSignal] = createSignal(readRail());
export { railCollapsed };

function readRail(): boolean {
  try {
    return localStorage.getItem(RAIL_KEY) === "1";
  } catch {
    return false;
  }
}

export function toggleRail(): void {
  const next = !railCollapsed();
  setRailCollapsedSignal(next);
  try {
    localStorage.setItem(RAIL_KEY, next ? "1" : "0");
  } catch {
    // private mode: the choice just is not remembered
  }
}
