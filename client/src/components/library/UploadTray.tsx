// Bottom-right tray of this project's uploads: a progress bar, speed, cancel and retry for
// each file; once uploaded, the paper's live parse status and a link to it.
import { A } from "@solidjs/router";
import { createSignal, For, Match, Show, Switch } from "solid-js";
import { displayTitle, fileSize, speed } from "../../lib/papers";
import { documentById } from "../../stores/documents";
import { cancelUpload, clearFinished, dismissUpload, retryUpload, uploads, type UploadItem } from "../../stores/uploads";
import { Icon } from "../Icon";
import { UpgradeLink } from "../UpgradePrompt";
import { StatusChip } from "./StatusChip";

const running = (u: UploadItem) => u.state === "waiting" || u.state === "uploading" || u.state === "retrying";

export function UploadTray(props: { projectId: string }) {
  const [collapsed, setCollapsed] = createSignal(false);
  const mine = () => uploads.filter((u) => u.projectId === props.projectId);
  const active = () => mine().filter(running).length;
  const summary = () => {
    const n = active();
    if (n) return `Uploading ${n} ${n === 1 ? "file" : "files"}`;
    const failed = mine().filter((u) => u.state === "failed").length;
    return failed ? `Uploads done · ${failed} not added` : "Uploads done";
  };
  return (
    <Show when={mine().length}>
      <section class="tray" aria-label="Uploads" classList={{ "tray-collapsed": collapsed() }}>
        <header class="tray-header">
          <Show when={active()} fallback={<Icon name="check" class="tray-done-icon" />}>
            <span class="spinner tray-spinner" aria-hidden="true" />
          </Show>
          <h2 class="tray-title">{summary()}</h2>
          <Show when={!active()}>
            <button type="button" class="btn btn-ghost btn-sm" onClick={() => clearFinished(props.projectId)}>
              Clear
            </button>
          </Show>
          <button
            type="button"
            class="btn-icon"
            aria-expanded={!collapsed()}
            aria-label={collapsed() ? "Show uploads" : "Hide uploads"}
            onClick={() => setCollapsed(!collapsed())}
          >
            <Icon name="chevronDown" class="tray-chevron" />
          </button>
        </header>
        <Show when={!collapsed()}>
          <ul class="tray-list">
            <For each={mine()}>{(item) => <TrayItem item={item} />}</For>
          </ul>
        </Show>
      </section>
    </Show>
  );
}

function TrayItem(props: { item: UploadItem }) {
  const u = () => props.item;
  const doc = () => (u().document ? (documentById(u().document!.id) ?? u().document) : null);
  const percent = () => (u().size ? Math.floor((u().loaded / u().size) * 100) : 0);
  const href = () => `/projects/${u().projectId}/papers/${u().document?.id}`;
  return (
    <li class="tray-item" data-state={u().state}>
      <div class="tray-item-top">
        <Icon name="file" class="tray-file-icon" />
        <div class="tray-item-main">
          <Show when={doc() && u().state === "done"} fallback={<span class="tray-name" title={u().name}>{u().name}</span>}>
            <A href={href()} class="tray-name tray-name-link" title={u().name}>
              {displayTitle(doc()!)}
            </A>
          </Show>
          <div class="tray-line">
            <Switch>
              <Match when={u().state === "waiting"}>Waiting · {fileSize(u().size)}</Match>
              <Match when={u().state === "uploading"}>
                {fileSize(u().loaded)} of {fileSize(u().size)}
                <Show when={speed(u().speed)}> · {speed(u().speed)}</Show>
              </Match>
              <Match when={u().state === "retrying"}>Interrupted, retrying…</Match>
              <Match when={u().state === "cancelled"}>Cancelled</Match>
              <Match when={u().state === "failed"}>
                <span class="tray-error">{u().error}</span>
                <Show when={u().planLimit}>
                  <UpgradeLink />
                </Show>
              </Match>
              <Match when={u().state === "duplicate"}>
                Already in this project ·{" "}
                <A href={href()} class="tray-link">
                  open {doc() ? displayTitle(doc()!) : "it"}
                </A>
              </Match>
              <Match when={u().state === "done" && doc()}>
                <StatusChip doc={doc()!} compact />
              </Match>
            </Switch>
            <Show when={u().state === "done" && doc()?.duplicateOf}>
              {(dup) => (
                <span class="tray-dup">
                  Possible duplicate of{" "}
                  <A href={`/projects/${u().projectId}/papers/${dup().id}`} class="tray-link">
                    {dup().title ?? "another paper"}
                  </A>
                </span>
              )}
            </Show>
          </div>
        </div>
        <div class="tray-actions">
          <Show when={running(u())}>
            <button type="button" class="btn-icon btn-icon-sm" aria-label={`Cancel upload of ${u().name}`} title="Cancel" onClick={() => cancelUpload(u().id)}>
              <Icon name="x" size={14} />
            </button>
          </Show>
          <Show when={(u().state === "failed" || u().state === "cancelled") && u().retryable}>
            <button type="button" class="btn btn-ghost btn-sm" aria-label={`Retry upload of ${u().name}`} onClick={() => retryUpload(u().id)}>
              Retry
            </button>
          </Show>
          <Show when={!running(u())}>
            <button type="button" class="btn-icon btn-icon-sm" aria-label={`Remove ${u().name} from the list`} title="Remove from list" onClick={() => dismissUpload(u().id)}>
              <Icon name="x" size={14} />
            </button>
          </Show>
        </div>
      </div>
      <Show when={u().state === "uploading" || u().state === "retrying" || u().state === "waiting"}>
        <div class="tray-bar" role="progressbar" aria-label={`Uploading ${u().name}`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent()}>
          <div class="tray-bar-fill" style={{ width: `${percent()}%` }} />
        </div>
      </Show>
    </li>
  );
}
