// Deleting the project (owners), confirmed by typing its name.
import { useNavigate } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { api, type ProjectDto, type UserDto } from "../../api";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { dropProject } from "../../stores/projects";
import { toast } from "../../stores/toasts";

export function DangerZone(props: { project: ProjectDto; me: UserDto }) {
  const navigate = useNavigate();
  const [open, setOpen] = createSignal(false);

  const remove = async () => {
    await api.deleteProject(props.project.id);
    dropProject(props.project.id);
    toast(`“${props.project.name}” was deleted`);
    navigate("/projects", { replace: true });
  };

  return (
    <Show when={props.project.role === "owner"}>
      <section class="panel section section-danger" aria-labelledby="danger-title">
        <div class="section-row">
          <div>
            <h2 id="danger-title" class="section-title">
              Delete this project
            </h2>
            <p class="section-text">Removes every paper, highlight and comment in it for all members. This cannot be undone.</p>
          </div>
          <button type="button" class="btn btn-danger" onClick={() => setOpen(true)}>
            Delete project
          </button>
        </div>
        <ConfirmDialog
          open={open()}
          onOpenChange={setOpen}
          title="Delete project"
          description={
            <>
              This permanently deletes <strong>{props.project.name}</strong> with all of its papers and discussions.
            </>
          }
          confirmLabel="Delete forever"
          typeToConfirm={props.project.name}
          onConfirm={remove}
        />
      </section>
    </Show>
  );
}
