// The project's ProjectRoom Durable Object: one per project, addressed by project id.
export function projectRoom(env: Env, projectId: string) {
  return env.PROJECT_ROOM.get(env.PROJECT_ROOM.idFromName(projectId));
}
