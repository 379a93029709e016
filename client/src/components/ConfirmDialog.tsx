// "Are you sure?" for destructive actions; the API's refusal is shown inside the dialog.
import { createSignal, Show, type JSX } from "solid-js";
import { errorMessage } from "../api";
import { FormError, SubmitButton } from "./Field";
import { Modal } from "./Modal";

export function ConfirmDialog(props: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description: JSX.Element;
  confirmLabel: string;
  onConfirm: () => Promise<void>;
  /** When set, the person must type this exact text to enable the button. */
  typeToConfirm?: string;
}) {
  const [pending, setPending] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [typed, setTyped] = createSignal("");

  const change = (open: boolean) => {
    if (!open) {
      setError(null);
      setTyped("");
    }
    props.onOpenChange(open);
  };

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    setPending(true);
    setError(null);
    try {
      await props.onConfirm();
      change(false);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setPending(false);
    }
  };

  return (
    <Modal open={props.open} onOpenChange={change} title={props.title} description={props.description}>
      <form onSubmit={submit} class="stack">
        <Show when={props.typeToConfirm}>
          <div class="field">
            <label class="field-label" for="confirm-text">
              Type <strong class="confirm-phrase">{props.typeToConfirm}</strong> to confirm
            </label>
            <input id="confirm-text" class="input" value={typed()} onInput={(e) => setTyped(e.currentTarget.value)} autocomplete="off" spellcheck={false} />
          </div>
        </Show>
        <FormError message={error()} />
        <div class="modal-actions">
          <button type="button" class="btn btn-secondary" onClick={() => change(false)}>
            Cancel
          </button>
          <SubmitButton class="btn btn-danger" pending={pending()} disabled={props.typeToConfirm !== undefined && typed() !== props.typeToConfirm}>
            {props.confirmLabel}
          </SubmitButton>
        </div>
      </form>
    </Modal>
  );
}
