import type { DocumentDto } from "../../protocol/documents";
import type { documents } from "../db/schema";

export type DocumentRow = typeof documents.$inferSelect;

export function toDocumentDto(row: DocumentRow): DocumentDto {
  return {
    id: row.id,
    projectId: row.projectId,
    filename: row.filename,
    size: row.size,
    sha256: row.sha256,
    status: row.status,
    progress: { pages: row.pagesDone, total: row.pageCount },
    error: row.errorCode ? { code: row.errorCode, message: row.errorMessage ?? "" } : null,
    title: row.title,
    authors: row.authors,
    year: row.year,
    doi: row.doi,
    arxivId: row.arxivId,
    abstract: row.abstract,
    pageCount: row.pageCount,
    tags: row.tags,
    duplicateOf: row.duplicateOf ?? null,
    uploadedBy: row.uploadedBy,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
