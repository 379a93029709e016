// The caller's projects, shared by the left rail, the project list and the top bar.
import { createSignal } from "solid-js";
import { api, errorMessage, type ProjectDto } from "../api";

const [projects, setProjects] = createSignal<ProjectDto[] | undefined>(undefined);
const [projectsError, setProjectsError] = createSignal<string | null>(null);

export { projects, projectsError };

export async function loadProjects(): Promise<void> {
  setProjectsError(null);
  try {
    const page = await api.listProjects();
    setProjects(page.items);
  } catch (error) {
    setProjectsError(errorMessage(error));
  }
}

export function upsertProject(project: ProjectDto): void {
  const list = projects() ?? [];
  const current = list.find((p) => p.id === project.id);
  // Writing an unchanged copy during a route transition would fork the list for no reason.
  if (current && sameProject(current, project)) return;
  setProjects(current ? list.map((p) => (p.id === project.id ? project : p)) : [project, ...list]);
}

function sameProject(a: ProjectDto, b: ProjectDto): boolean {
  return a.name === b.name && a.role === b.role && a.updatedAt === b.updatedAt;
}

export function dropProject(id: string): void {
  setProjects((projects() ?? []).filter((p) => p.id !== id));
}

export function clearProjects(): void {
  setProjects(undefined);
}
