// "New project": one labelled field; on success the project opens.
import { useNavigate } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { api, errorMessage } from "../api";
import { checkRequired } from "../lib/validate";
import { upsertProject } from "../stores/projects";
import { toast } from "../stores/toasts";
import { newProjectOpen, setNewProjectOpen } from "../stores/ui";
import { FormError, SubmitButton, TextField } from "./Field";
import { Modal } from "./Modal";
import { isPlanLimit, UpgradePrompt } from "./UpgradePrompt";

export function NewProjectDialog() {
  const navigate = useNavigate();
  const [name, setName] = createSignal("");
  const [fieldError, setFieldError] = createSignal<string | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  /** A 402: the plan allows no more projects; offered a way to /billing. */
  const [limitHit, setLimitHit] = createSignal<string | null>(null);
  const [pending, setPending] = createSignal(false);

  const change = (open: boolean) => {
    if (!open) {
      setName("");
      setFieldError(null);
      setError(null);
    }
    setNewProjectOpen(open);
  };

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const problem = checkRequired(name(), "Name the project.");
    setFieldError(problem);
    if (problem) return;
    setPending(true);
    setError(null);
    setLimitHit(null);
    try {
      const { project } = await api.createProject(name().trim());
      upsertProject(project);
      change(false);
      toast(`Created “${project.name}”`);
      navigate(`/projects/${project.id}`);
    } catch (err) {
      if (isPlanLimit(err)) setLimitHit(errorMessage(err));
      else setError(errorMessage(err));
    } finally {
      setPending(false);
    }
  };

  return (
    <Modal
      open={newProjectOpen()}
      onOpenChange={change}
      title="New project"
      description="A project holds a shared library of papers, with its own members."
    >
      <form onSubmit={submit} class="stack" novalidate>
        <TextField
          label="Project name"
          name="name"
          value={name()}
          onValue={setName}
          error={fieldError()}
          placeholder="e.g. Protein folding reading group"
          maxLength={120}
          autocomplete="off"
          required
        />
        <FormError message={error()} />
        <Show when={limitHit()}>{(message) => <UpgradePrompt message={message()} onNavigate={() => change(false)} />}</Show>
        <div class="modal-actions">
          <button type="button" class="btn btn-secondary" onClick={() => change(false)}>
            Cancel
          </button>
          <SubmitButton pending={pending()} pendingLabel="Creating…">
            Create project
          </SubmitButton>
        </div>
      </form>
    </Modal>
  );
}
