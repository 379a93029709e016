// The library header's "Export" menu: BibTeX or CSL-JSON of every paper, or of the selected ones.
// Each item is a plain download link to the API (the session cookie goes along with a GET).
import * as DropdownMenu from "@kobalte/core/dropdown-menu";
import { api } from "../../api";
import { Icon } from "../Icon";
import "../../styles/library-extras.css";

export function ExportMenu(props: { projectId: string; selected: string[] }) {
  const n = () => props.selected.length;
  const scope = () => (n() ? `${n()} selected ${n() === 1 ? "paper" : "papers"}` : "all papers");
  return (
    <DropdownMenu.Root placement="bottom-end" gutter={4}>
      <DropdownMenu.Trigger class="btn btn-secondary" aria-label={`Export ${scope()}`}>
        <Icon name="download" /> Export{n() ? ` (${n()})` : ""}
        <Icon name="chevronDown" size={14} />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content class="menu menu-compact export-menu">
          <div class="export-menu-scope">Export {scope()}</div>
          <DropdownMenu.Item class="menu-item" as="a" href={api.exportUrl(props.projectId, "bib", props.selected)} download="">
            <Icon name="file" /> BibTeX <span class="export-ext">.bib</span>
          </DropdownMenu.Item>
          <DropdownMenu.Item class="menu-item" as="a" href={api.exportUrl(props.projectId, "json", props.selected)} download="">
            <Icon name="file" /> CSL-JSON <span class="export-ext">.json</span>
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
