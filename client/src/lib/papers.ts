// How papers read to people: failure reasons in words, sizes, speeds, the title to show.
import type { DocumentDto } from "../../../protocol/documents";

const failures: Record<string, string> = {
  encrypted: "The PDF is locked with a password, so its text could not be read.",
  malformed: "The file is damaged or not a well-formed PDF.",
  too_large: "The paper is too long to read here (over the page or size limit).",
  no_text: "No text was found. It may be a scan without a text layer.",
  parse_error: "Something went wrong while reading the text.",
};

/** The reason a paper failed, as a sentence; unknown codes fall back to the server's message. */
export function failureText(error: DocumentDto["error"]): string {
  if (!error) return "Reading the text failed.";
  return failures[error.code] ?? (error.message || "Reading the text failed.");
}

/** The short form for the chip ("Locked", "Damaged file", …). */
export function failureShort(error: DocumentDto["error"]): string {
  const short: Record<string, string> = { encrypted: "Locked", malformed: "Damaged file", too_large: "Too long", no_text: "No text", parse_error: "Parse error" };
  return (error && short[error.code]) ?? "Failed";
}

export function displayTitle(doc: Pick<DocumentDto, "title" | "filename">): string {
  return doc.title?.trim() || doc.filename;
}

/** Percent of pages read, or null while the total is unknown. */
export function parsePercent(doc: Pick<DocumentDto, "progress">): number | null {
  const { pages, total } = doc.progress;
  if (!total) return null;
  return Math.min(100, Math.floor((pages / total) * 100));
}

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  const mb = bytes / 1024 / 1024;
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb)} MB`;
}

export function speed(bytesPerSecond: number): string {
  return bytesPerSecond > 0 ? `${fileSize(bytesPerSecond)}/s` : "";
}

export function authorLine(authors: string[]): string {
  if (authors.length <= 3) return authors.join(", ");
  return `${authors.slice(0, 2).join(", ")} et al.`;
}
