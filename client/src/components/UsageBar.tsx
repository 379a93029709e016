// One quota as a labelled bar: used of limit, amber from 80 % (and when full), red when over.
import { Show } from "solid-js";

export function UsageBar(props: { label: string; used: number; limit: number; format?: (n: number) => string; hint?: string }) {
  const format = (n: number) => (props.format ? props.format(n) : n.toLocaleString());
  const ratio = () => (props.limit > 0 ? props.used / props.limit : 1);
  const level = () => (ratio() > 1 ? "over" : ratio() >= 0.8 ? "high" : "ok");
  return (
    <div class="usage" data-level={level()}>
      <div class="usage-top">
        <span class="usage-label">{props.label}</span>
        <span class="usage-figures">
          <strong>{format(props.used)}</strong> of {format(props.limit)}
        </span>
      </div>
      <div
        class="usage-bar"
        role="progressbar"
        aria-label={props.label}
        aria-valuemin={0}
        aria-valuemax={props.limit}
        aria-valuenow={Math.min(props.used, props.limit)}
        aria-valuetext={`${format(props.used)} of ${format(props.limit)}`}
      >
        <div class="usage-fill" style={{ width: `${Math.min(100, Math.max(ratio() > 0 ? 1.5 : 0, ratio() * 100))}%` }} />
      </div>
      <Show when={props.hint}>
        <p class="usage-hint">{props.hint}</p>
      </Show>
    </div>
  );
}
