// One project by id for the pages under /projects/:projectId; keeps the rail's copy in step.
import { createResource } from "solid-js";
import { api } from "../api";
import { upsertProject } from "./projects";

export function createProjectResource(projectId: () => string) {
  return createResource(projectId, async (id) => {
    const { project } = await api.getProject(id);
    upsertProject(project);
    return project;
  });
}
