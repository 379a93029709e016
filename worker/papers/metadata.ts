import type { LayoutItem } from "./page-text";
import { findAuthors, splitNames } from "./metadata-authors";
import { arxivYear, findAbstract, findArxivId, findDoi, findYear } from "./metadata-ids";
import { buildLines, findTitle, looksLikeTitleText } from "./metadata-layout";
import { squash } from "./normalize";

// Bibliographic metadata from what the parse consumer already has after its first chunk:
// the first pages' text and page 1's (and 2's) positioned text items. Pure: no I/O.
// The Info dictionary and XMP are only a fallback: on real papers their title is usually
// junk ("untitled", "Project2_Writeup.dvi", a URL, "Microsoft Word - draft.doc").

/** How many leading pages extractMetadata wants, and which of them with layout items. */
export const FIRST_PAGES = 3;
export const LAYOUT_PAGES: readonly number[] = [1, 2];

export interface MetadataInput {
  firstPages: { page: number; text: string; items?: LayoutItem[] }[];
  info: Record<string, unknown>;
  xmp: Record<string, unknown> | null;
  numPages: number;
}

export interface PaperMetadata {
  title: string | null;
  authors: string[];
  year: number | null;
  doi: string | null;
  arxivId: string | null;
  abstract: string | null;
}

// Repository cover sheets (ResearchGate, DSpace, institutional portals) put the paper on page 2.
const COVER_PAGE =
  /researchgate\.net|see discussions, stats|openly available|downloaded from|general rights|citation \(apa\)|terms of use|link to publication|persistent link/i;

function metaString(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return metaString(value[0]);
  if (value && typeof value === "object") {
    for (const v of Object.values(value)) {
      const s = metaString(v);
      if (s) return s;
    }
  }
  return null;
}

/** An Info/XMP title worth using: words, not a file name, URL, template name or "untitled". */
export function saneInfoTitle(raw: string | null): string | null {
  if (!raw) return null;
  const t = squash(raw.replace(/<[^>]+>/g, " ").replace(/^\[[^\]]*\]\s*/, ""));
  if (t.length < 6 || t.split(" ").length < 2) return null;
  if (/^(untitled|no title|title|document\d*|template\b|microsoft (word|powerpoint))/i.test(t)) return null;
  if (/\.(dvi|tex|pdf|docx?|ps|rtf|indd|qxd)\b|^https?:|^www\.|[\\/]/i.test(t)) return null;
  if (/\b(template|proceedings|sample)\b/i.test(t) && !/\s\w+\s\w+\s\w+\s/.test(t)) return null;
  return looksLikeTitleText(t) ? t : null;
}

/** Some producers scale text by the matrix, not the font: every size then reads ~120 and means nothing. */
function layoutUsable(items: readonly LayoutItem[]): boolean {
  const sizes = items.map((i) => i.fontSize).sort((a, b) => a - b);
  return (sizes[sizes.length >> 1] ?? 0) <= 40;
}

export function extractMetadata(input: MetadataInput): PaperMetadata {
  const pages = [...input.firstPages].sort((a, b) => a.page - b.page);
  const page1 = pages[0];
  const isCover = page1 !== undefined && COVER_PAGE.test(page1.text);
  const paperPage = isCover ? (pages[1] ?? page1) : page1;

  let title: string | null = null;
  let authors: string[] = [];
  if (page1?.items?.length && layoutUsable(page1.items)) {
    const lines1 = buildLines(page1.items);
    const block1 = findTitle(lines1);
    title = block1?.title ?? null;
    if (paperPage !== page1 && paperPage?.items?.length) {
      // Title from the cover (it is the catalogued one), authors from the paper itself.
      const lines2 = buildLines(paperPage.items);
      const block2 = findTitle(lines2);
      if (block2) authors = findAuthors(lines2, block2.lastIndex);
      title ??= block2?.title ?? null;
    } else if (block1) {
      authors = findAuthors(lines1, block1.lastIndex);
    }
  }
  title ??= saneInfoTitle(metaString(input.info.Title) ?? metaString(input.xmp?.["dc:title"]));
  if (authors.length === 0) {
    const infoAuthor = metaString(input.info.Author) ?? metaString(input.xmp?.["dc:creator"]);
    authors = (infoAuthor && splitNames([infoAuthor])) || [];
  }

  const texts = pages.map((p) => p.text);
  const front = isCover ? texts.slice(0, 3) : texts.slice(0, 2);
  const doi = findDoi(front);
  const arxivId = page1 ? findArxivId(paperPage?.text ?? page1.text) ?? findArxivId(page1.text) : null;
  const year = (arxivId ? arxivYear(arxivId) : null) ?? findYear(front, doi);
  const abstract = findAbstract(paperPage?.text ?? "") ?? (pages[1] && paperPage !== pages[1] ? findAbstract(pages[1].text) : null);
  return { title, authors, year, doi, arxivId, abstract };
}
