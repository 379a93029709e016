// A text box for a comment, reply or note: grows with its text, Ctrl/Cmd+Enter sends, Esc
// cancels. What people type is only ever shown back as text.
import { createSignal, onMount, Show } from "solid-js";
import { errorMessage } from "../api";

export function Composer(props: {
  label: string;
  placeholder?: string;
  initial?: string;
  submitLabel: string;
  autofocus?: boolean;
  maxLength?: number;
  allowEmpty?: boolean;
  onSubmit: (text: string) => Promise<unknown>;
  onCancel?: () => void;
}) {
  const [text, setText] = createSignal(props.initial ?? "");
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  let area!: HTMLTextAreaElement;

  const grow = () => {
    area.style.height = "auto";
    area.style.height = `${Math.min(240, area.scrollHeight + 2)}px`;
  };
  onMount(() => {
    grow();
    if (props.autofocus) {
      area.focus();
      area.setSelectionRange(area.value.length, area.value.length);
    }
  });

  async function submit(e?: Event) {
    e?.preventDefault();
    if (busy() || (!props.allowEmpty && !text().trim())) return;
    setBusy(true);
    setError(null);
    try {
      await props.onSubmit(text());
      setText("");
      grow();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="composer" onSubmit={submit}>
      <textarea
        ref={area}
        class="composer-input"
        aria-label={props.label}
        placeholder={props.placeholder}
        maxLength={props.maxLength ?? 10_000}
        rows={2}
        value={text()}
        onInput={(e) => {
          setText(e.currentTarget.value);
          grow();
        }}
        onKeyDown={(e) => {
          if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) void submit(e);
          else if (e.key === "Escape" && props.onCancel) {
            e.preventDefault();
            e.stopPropagation();
            props.onCancel();
          }
        }}
      />
      <Show when={error()}>
        <p class="composer-error" role="alert">
          {error()}
        </p>
      </Show>
      <div class="composer-actions">
        <Show when={props.onCancel}>
          <button type="button" class="btn btn-ghost btn-sm" onClick={() => props.onCancel?.()}>
            Cancel
          </button>
        </Show>
        <button type="submit" class="btn btn-primary btn-sm" disabled={busy() || (!props.allowEmpty && !text().trim())} title="Ctrl Enter">
          {props.submitLabel}
        </button>
      </div>
    </form>
  );
}
