// Above the table: text filter, status filter, sort, and (for editors) the upload button.
import { Show } from "solid-js";
import type { DocumentStatus } from "../../api";
import type { SortKey } from "../../lib/library-view";
import { Icon } from "../Icon";

export type { SortKey } from "../../lib/library-view";

export function LibraryToolbar(props: {
  text: string;
  onText: (value: string) => void;
  status: DocumentStatus | "";
  onStatus: (value: DocumentStatus | "") => void;
  sort: SortKey;
  onSort: (value: SortKey) => void;
  canUpload: boolean;
  onUploadClick: () => void;
}) {
  return (
    <div class="lib-toolbar" role="search">
      <div class="lib-search">
        <Icon name="search" class="lib-search-icon" />
        <input
          class="input lib-search-input"
          type="search"
          placeholder="Filter by title, author, tag or file name"
          aria-label="Filter papers"
          value={props.text}
          onInput={(e) => props.onText(e.currentTarget.value)}
        />
      </div>
      <select class="select select-sm" aria-label="Status" value={props.status} onChange={(e) => props.onStatus(e.currentTarget.value as DocumentStatus | "")}>
        <option value="">All statuses</option>
        <option value="queued">Queued</option>
        <option value="parsing">Parsing</option>
        <option value="parsed">Parsed</option>
        <option value="failed">Failed</option>
      </select>
      <select class="select select-sm" aria-label="Sort by" value={props.sort} onChange={(e) => props.onSort(e.currentTarget.value as SortKey)}>
        <option value="added">Recently added</option>
        <option value="title">Title A–Z</option>
        <option value="year">Year, newest</option>
        <option value="activity">Recently discussed</option>
      </select>
      <Show when={props.canUpload}>
        <button type="button" class="btn btn-primary lib-upload" onClick={() => props.onUploadClick()}>
          <Icon name="upload" /> Upload papers
        </button>
      </Show>
    </div>
  );
}
