// The account menu in the top bar: tokens, billing, sign out.
import * as DropdownMenu from "@kobalte/core/dropdown-menu";
import { useNavigate } from "@solidjs/router";
import type { UserDto } from "../api";
import { initials } from "../lib/format";
import { clearProjects } from "../stores/projects";
import { signOut } from "../stores/session";
import { toast } from "../stores/toasts";
import { Icon } from "./Icon";

export function UserMenu(props: { user: UserDto }) {
  const navigate = useNavigate();
  const doSignOut = async () => {
    try {
      await signOut();
    } catch {
      toast("Signed out on this device. The server could not be reached to end the session.", "info");
    }
    clearProjects();
    navigate("/login", { replace: true });
  };
  return (
    <DropdownMenu.Root placement="bottom-end" gutter={8}>
      <DropdownMenu.Trigger class="user-trigger" aria-label={`Account: ${props.user.name}`}>
        <span class="avatar" aria-hidden="true">
          {initials(props.user.name)}
        </span>
        <span class="user-trigger-name">{props.user.name}</span>
        <Icon name="chevronDown" size={14} />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content class="menu">
          <div class="menu-header">
            <div class="menu-header-name">{props.user.name}</div>
            <div class="menu-header-email">{props.user.email}</div>
          </div>
          <DropdownMenu.Separator class="menu-separator" />
          <DropdownMenu.Item class="menu-item" onSelect={() => navigate("/settings/tokens")}>
            <Icon name="key" /> API tokens
          </DropdownMenu.Item>
          <DropdownMenu.Item class="menu-item" onSelect={() => navigate("/billing")}>
            <Icon name="card" /> Plans and billing
          </DropdownMenu.Item>
          <DropdownMenu.Separator class="menu-separator" />
          <DropdownMenu.Item class="menu-item" onSelect={() => void doSignOut()}>
            <Icon name="logout" /> Sign out
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
