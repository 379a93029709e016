// Shown for an unknown project id, or one the caller is not a member of (the API answers 404).
import { A } from "@solidjs/router";
import { Icon } from "./Icon";

export function ProjectMissing() {
  return (
    <div class="empty-state">
      <div class="empty-icon">
        <Icon name="folder" size={24} />
      </div>
      <h1 class="empty-title">Project not found</h1>
      <p class="empty-text">It may have been deleted, or you are not a member. Ask its owner for an invite.</p>
      <div class="empty-action">
        <A href="/projects" class="btn btn-primary">
          Back to your projects
        </A>
      </div>
    </div>
  );
}
