// One comment thread: the root and its replies, each editable/deletable by its author (owners
// delete too), resolve/reopen, and an inline reply box. Resolved threads fold to one line.
import { createSignal, For, Show } from "solid-js";
import { errorMessage } from "../api";
import { timeAgo } from "../lib/format";
import { toast } from "../stores/toasts";
import type { AnnotationsStore, Comment } from "./annotations-store";
import { ConfirmDialog } from "../components/ConfirmDialog";
import { Avatar } from "./Avatar";
import { Composer } from "./Composer";
import { RIcon } from "./icons";
import type { People } from "./people";
import type { Thread } from "./threads";

function CommentItem(props: { comment: Comment; store: AnnotationsStore; people: People }) {
  const [editing, setEditing] = createSignal(false);
  const [confirming, setConfirming] = createSignal(false);
  const c = () => props.comment;
  return (
    <div class="comment" id={`comment-${c().id}`}>
      <div class="comment-head">
        <Avatar people={props.people} userId={c().authorId} size={20} />
        <span class="comment-author">{props.people.nameOf(c().authorId)}</span>
        <time class="comment-time" dateTime={c().createdAt} title={new Date(c().createdAt).toLocaleString()}>
          {timeAgo(c().createdAt)}
          {c().editedAt ? " · edited" : ""}
        </time>
        <span class="comment-tools">
          <Show when={props.people.canEdit(c().authorId)}>
            <button type="button" class="link-btn" onClick={() => setEditing(true)}>
              Edit
            </button>
          </Show>
          <Show when={props.people.canDelete(c().authorId)}>
            <button type="button" class="link-btn danger" onClick={() => setConfirming(true)}>
              Delete
            </button>
            <ConfirmDialog
              open={confirming()}
              onOpenChange={setConfirming}
              title={c().parentId ? "Delete this reply?" : "Delete this comment?"}
              description={c().parentId ? "The reply is removed for everyone." : "The comment and its replies are removed for everyone."}
              confirmLabel="Delete"
              onConfirm={() => props.store.deleteComment(c().id)}
            />
          </Show>
        </span>
      </div>
      <Show when={editing()} fallback={<p class="comment-body">{c().body}</p>}>
        <Composer
          label="Edit comment"
          initial={c().body}
          submitLabel="Save"
          autofocus
          onSubmit={async (body) => {
            await props.store.updateComment(c(), body);
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      </Show>
    </div>
  );
}

export function ThreadView(props: { thread: Thread; store: AnnotationsStore; people: People }) {
  const [unfolded, setUnfolded] = createSignal(false);
  const [replying, setReplying] = createSignal(false);
  const root = () => props.thread.root;
  const resolved = () => !!root().resolvedAt;
  const count = () => 1 + props.thread.replies.length;

  async function setResolved(value: boolean) {
    try {
      await props.store.setResolved(root().id, value);
      setUnfolded(false);
    } catch (e) {
      toast(errorMessage(e), "error");
    }
  }

  return (
    <div class="thread" classList={{ resolved: resolved() }}>
      <Show
        when={!resolved() || unfolded()}
        fallback={
          <button type="button" class="thread-folded" onClick={() => setUnfolded(true)} aria-expanded="false">
            <RIcon name="check" size={14} /> Resolved · {count()} {count() === 1 ? "comment" : "comments"}
          </button>
        }
      >
        <For each={[root(), ...props.thread.replies]}>{(c) => <CommentItem comment={c} store={props.store} people={props.people} />}</For>
        <div class="thread-actions">
          <Show when={!resolved()}>
            <button type="button" class="link-btn" onClick={() => setReplying(true)}>
              Reply
            </button>
          </Show>
          <button type="button" class="link-btn" onClick={() => void setResolved(!resolved())}>
            {resolved() ? "Reopen" : "Resolve"}
          </button>
        </div>
        <Show when={replying()}>
          <Composer
            label="Reply"
            placeholder="Reply…"
            submitLabel="Reply"
            autofocus
            onSubmit={async (body) => {
              await props.store.createComment({ body, annotationId: root().annotationId, parentId: root().id });
              setReplying(false);
            }}
            onCancel={() => setReplying(false)}
          />
        </Show>
      </Show>
    </div>
  );
}
