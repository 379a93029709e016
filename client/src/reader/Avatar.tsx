// A person's initials on their own colour; the name is the accessible label and the tooltip.
import type { People } from "./people";
import { hueOf } from "./people";

export function Avatar(props: { people: People; userId: string; size?: number; class?: string; label?: string }) {
  const size = () => props.size ?? 24;
  return (
    <span
      class={`reader-avatar ${props.class ?? ""}`}
      role="img"
      aria-label={props.label ?? props.people.nameOf(props.userId)}
      title={props.label ?? props.people.nameOf(props.userId)}
      style={{ "--hue": String(hueOf(props.userId)), width: `${size()}px`, height: `${size()}px`, "font-size": `${Math.round(size() * 0.42)}px` }}
    >
      {props.people.initialsOf(props.userId)}
    </span>
  );
}
