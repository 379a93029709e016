// One paper in the library table: title (serif, links to the reader), authors and year,
// tags, status, its discussion, who added it and when, and the row's actions.
import * as DropdownMenu from "@kobalte/core/dropdown-menu";
import { A } from "@solidjs/router";
import { Show } from "solid-js";
import type { DiscussionCountDto, DocumentDto } from "../../api";
import { formatDate, timeAgo } from "../../lib/format";
import { authorLine, displayTitle, fileSize } from "../../lib/papers";
import { Icon } from "../Icon";
import { DiscussionCell } from "./DiscussionCell";
import { DuplicateNotice } from "./DuplicateNotice";
import { StatusChip } from "./StatusChip";
import { TagEditor } from "./TagEditor";

export interface RowActions {
  canEdit: boolean;
  addedBy: (userId: string) => string;
  discussionOf: (documentId: string) => DiscussionCountDto | undefined;
  onViewText: (doc: DocumentDto) => void;
  onReparse: (doc: DocumentDto) => void;
  onDelete: (doc: DocumentDto) => void;
  onTags: (doc: DocumentDto, tags: string[]) => void;
  onPickTag: (tag: string) => void;
  onKeepDuplicate: (doc: DocumentDto) => void;
  onMergeDuplicate: (doc: DocumentDto) => void;
  isSelected: (id: string) => boolean;
  onSelect: (id: string, selected: boolean) => void;
}

export function DocumentRow(props: { doc: DocumentDto; actions: RowActions }) {
  const href = () => `/projects/${props.doc.projectId}/papers/${props.doc.id}`;
  const title = () => displayTitle(props.doc);
  const byline = () => [authorLine(props.doc.authors), props.doc.year ? String(props.doc.year) : ""].filter(Boolean).join(" · ");
  return (
    <tr class="doc-row" data-document-id={props.doc.id} data-status={props.doc.status} classList={{ "doc-row-selected": props.actions.isSelected(props.doc.id) }}>
      <td class="doc-cell-select">
        <input
          type="checkbox"
          class="doc-check"
          aria-label={`Select ${title()}`}
          checked={props.actions.isSelected(props.doc.id)}
          onChange={(e) => props.actions.onSelect(props.doc.id, e.currentTarget.checked)}
        />
      </td>
      <td class="doc-cell-title">
        <A href={href()} class="doc-title serif" classList={{ "doc-title-file": !props.doc.title }}>
          {title()}
        </A>
        <div class="doc-meta">
          <Show when={byline()} fallback={<span class="doc-meta-faint">{props.doc.title ? props.doc.filename : fileSize(props.doc.size)}</span>}>
            <span>{byline()}</span>
          </Show>
          <TagEditor
            tags={props.doc.tags}
            canEdit={props.actions.canEdit}
            label={title()}
            onChange={(tags) => props.actions.onTags(props.doc, tags)}
            onPick={props.actions.onPickTag}
          />
        </div>
        <DuplicateNotice
          doc={props.doc}
          canEdit={props.actions.canEdit}
          onKeep={() => props.actions.onKeepDuplicate(props.doc)}
          onMerge={() => props.actions.onMergeDuplicate(props.doc)}
        />
      </td>
      <td class="doc-cell-status">
        <StatusChip doc={props.doc} onReparse={props.actions.canEdit ? () => props.actions.onReparse(props.doc) : undefined} />
      </td>
      <td class="doc-cell-discussion">
        <DiscussionCell counts={props.actions.discussionOf(props.doc.id)} href={href()} title={title()} />
      </td>
      <td class="doc-cell-added">
        <div class="doc-added-by">{props.actions.addedBy(props.doc.uploadedBy)}</div>
        <time class="doc-added-when" datetime={props.doc.createdAt} title={formatDate(props.doc.createdAt)}>
          {timeAgo(props.doc.createdAt)}
        </time>
      </td>
      <td class="cell-actions">
        <div class="doc-actions">
          <button
            type="button"
            class="btn btn-ghost btn-sm"
            disabled={props.doc.status !== "parsed"}
            title={props.doc.status === "parsed" ? "Read the extracted text" : "The text is ready once parsing finishes"}
            aria-label={`View text of ${title()}`}
            onClick={() => props.actions.onViewText(props.doc)}
          >
            <Icon name="text" /> Text
          </button>
          <DropdownMenu.Root placement="bottom-end" gutter={4}>
            <DropdownMenu.Trigger class="btn-icon" aria-label={`More actions for ${title()}`} title="More actions">
              <Icon name="more" />
            </DropdownMenu.Trigger>
            <DropdownMenu.Portal>
              <DropdownMenu.Content class="menu menu-compact">
                <DropdownMenu.Item class="menu-item" as={A} href={href()}>
                  <Icon name="book" /> Open in reader
                </DropdownMenu.Item>
                <DropdownMenu.Item class="menu-item" as="a" href={`/api/projects/${props.doc.projectId}/documents/${props.doc.id}/file`} download={props.doc.filename}>
                  <Icon name="download" /> Download PDF
                </DropdownMenu.Item>
                <Show when={props.actions.canEdit}>
                  <DropdownMenu.Item class="menu-item" onSelect={() => props.actions.onReparse(props.doc)}>
                    <Icon name="refresh" /> Reparse
                  </DropdownMenu.Item>
                  <DropdownMenu.Separator class="menu-separator" />
                  <DropdownMenu.Item class="menu-item menu-item-danger" onSelect={() => props.actions.onDelete(props.doc)}>
                    <Icon name="trash" /> Delete…
                  </DropdownMenu.Item>
                </Show>
              </DropdownMenu.Content>
            </DropdownMenu.Portal>
          </DropdownMenu.Root>
        </div>
      </td>
    </tr>
  );
}
