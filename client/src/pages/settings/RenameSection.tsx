// Rename (owners and editors); viewers see the name read-only.
import { createSignal, Show } from "solid-js";
import { api, errorMessage, type ProjectDto } from "../../api";
import { FormError, SubmitButton, TextField } from "../../components/Field";
import { checkRequired } from "../../lib/validate";
import { upsertProject } from "../../stores/projects";
import { toast } from "../../stores/toasts";

export function RenameSection(props: { project: ProjectDto; onRenamed: (project: ProjectDto) => void }) {
  const [name, setName] = createSignal(props.project.name);
  const [fieldError, setFieldError] = createSignal<string | null>(null);
  const [formError, setFormError] = createSignal<string | null>(null);
  const [pending, setPending] = createSignal(false);
  const canRename = () => props.project.role !== "viewer";

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const problem = checkRequired(name(), "Name the project.");
    setFieldError(problem);
    if (problem) return;
    setPending(true);
    setFormError(null);
    try {
      const { project } = await api.renameProject(props.project.id, name().trim());
      upsertProject(project);
      props.onRenamed(project);
      toast("Project renamed");
    } catch (err) {
      setFormError(errorMessage(err));
    } finally {
      setPending(false);
    }
  };

  return (
    <section class="panel section" aria-labelledby="general-title">
      <div class="section-head">
        <h2 id="general-title" class="section-title">
          General
        </h2>
      </div>
      <Show
        when={canRename()}
        fallback={
          <p class="muted">
            Only owners and editors can rename <strong>{props.project.name}</strong>.
          </p>
        }
      >
        <form onSubmit={submit} class="inline-form" novalidate>
          <TextField label="Project name" name="name" value={name()} onValue={setName} error={fieldError()} maxLength={120} autocomplete="off" required />
          <SubmitButton class="btn btn-secondary" pending={pending()} disabled={name().trim() === props.project.name}>
            Save name
          </SubmitButton>
        </form>
        <FormError message={formError()} />
      </Show>
    </section>
  );
}
