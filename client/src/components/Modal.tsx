// The one dialog: Kobalte traps focus, closes on Esc and outside click, and labels the
// dialog with its title and description.
import * as Dialog from "@kobalte/core/dialog";
import { Show, type JSX } from "solid-js";
import { Icon } from "./Icon";

export function Modal(props: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: JSX.Element;
  children: JSX.Element;
  size?: "sm" | "md";
}) {
  return (
    <Dialog.Root open={props.open} onOpenChange={props.onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay class="modal-overlay" />
        <div class="modal-positioner">
          <Dialog.Content class={`modal modal-${props.size ?? "sm"}`}>
            <div class="modal-header">
              <Dialog.Title class="modal-title">{props.title}</Dialog.Title>
              <Dialog.CloseButton class="btn-icon" aria-label="Close">
                <Icon name="x" />
              </Dialog.CloseButton>
            </div>
            <Show when={props.description}>
              <Dialog.Description class="modal-description">{props.description}</Dialog.Description>
            </Show>
            {props.children}
          </Dialog.Content>
        </div>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
