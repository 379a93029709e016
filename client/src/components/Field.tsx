// A labelled text input whose error is tied to it with aria-invalid and aria-describedby.
import { Show, createUniqueId, splitProps, type JSX } from "solid-js";

type InputProps = JSX.InputHTMLAttributes<HTMLInputElement>;

export function TextField(
  props: {
    label: string;
    value: string;
    onValue: (value: string) => void;
    error?: string | null;
    hint?: JSX.Element;
    labelAside?: JSX.Element;
  } & Omit<InputProps, "value" | "onInput">,
) {
  const [own, input] = splitProps(props, ["label", "value", "onValue", "error", "hint", "labelAside", "id"]);
  const id = own.id ?? createUniqueId();
  const describedBy = () => [own.error ? `${id}-error` : "", own.hint ? `${id}-hint` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div class="field">
      <div class="field-label-row">
        <label class="field-label" for={id}>
          {own.label}
        </label>
        {own.labelAside}
      </div>
      <input
        {...input}
        id={id}
        class="input"
        value={own.value}
        onInput={(e) => own.onValue(e.currentTarget.value)}
        aria-invalid={own.error ? "true" : undefined}
        aria-describedby={describedBy()}
      />
      <Show when={own.hint}>
        <p class="field-hint" id={`${id}-hint`}>
          {own.hint}
        </p>
      </Show>
      <Show when={own.error}>
        <p class="field-error" id={`${id}-error`}>
          {own.error}
        </p>
      </Show>
    </div>
  );
}

/** The form-level error: what the API said, announced when it appears. */
export function FormError(props: { message: string | null | undefined }) {
  return (
    <div role="alert" class="form-error-slot">
      <Show when={props.message}>
        <div class="callout callout-danger">{props.message}</div>
      </Show>
    </div>
  );
}

export function SubmitButton(props: { pending: boolean; children: JSX.Element; pendingLabel?: string; class?: string; disabled?: boolean }) {
  return (
    <button type="submit" class={props.class ?? "btn btn-primary"} disabled={props.pending || props.disabled} aria-busy={props.pending}>
      <Show when={props.pending}>
        <span class="spinner" aria-hidden="true" />
      </Show>
      {props.pending && props.pendingLabel ? props.pendingLabel : props.children}
    </button>
  );
}
