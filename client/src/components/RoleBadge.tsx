import type { Role } from "../api";
import { roleLabel } from "../lib/format";

export function RoleBadge(props: { role: Role }) {
  return <span class={`badge badge-role-${props.role}`}>{roleLabel[props.role]}</span>;
}
