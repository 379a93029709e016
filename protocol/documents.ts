// The document (paper) object of the API and the shapes that change it.
import { z } from "zod";

export const documentStatus = z.enum(["queued", "parsing", "parsed", "failed"]);
export type DocumentStatus = z.infer<typeof documentStatus>;

export interface DuplicateLink {
  id: string;
  title: string | null;
  reason: "doi" | "title";
}

export interface DocumentDto {
  id: string;
  projectId: string;
  filename: string;
  size: number;
  sha256: string;
  status: DocumentStatus;
  progress: { pages: number; total: number | null };
  error: { code: string; message: string } | null;
  title: string | null;
  authors: string[];
  year: number | null;
  doi: string | null;
  arxivId: string | null;
  abstract: string | null;
  pageCount: number | null;
  tags: string[];
  /** Set when an older paper of the project has the same DOI or title; cleared by keep or merge. */
  duplicateOf: DuplicateLink | null;
  uploadedBy: string;
  createdAt: string;
  updatedAt: string;
}

const tag = z.string().trim().min(1).max(50);
export const documentPatchBody = z
  .object({
    title: z.string().trim().min(1).max(500).nullable(),
    authors: z.array(z.string().trim().min(1).max(200)).max(100),
    year: z.number().int().min(1000).max(2100).nullable(),
    doi: z.string().trim().regex(/^10\.\d{4,9}\/\S+$/, { message: "A DOI looks like 10.1234/abc." }).max(200).nullable(),
    abstract: z.string().trim().max(10_000).nullable(),
    tags: z.array(tag).max(50).transform((tags) => [...new Set(tags)]),
  })
  .partial()
  .strict();
export type DocumentPatch = z.infer<typeof documentPatchBody>;

/** POST .../documents/:documentId/duplicate: keep both papers, or fold this one into the older. */
export const duplicateActionBody = z.object({ action: z.enum(["keep", "merge"]) }).strict();

/** ?ids=a,b,c on the export routes: a subset of the project's papers. */
export const exportQuery = z.object({
  ids: z
    .string()
    .max(20_000)
    .optional()
    .transform((raw) => (raw ? [...new Set(raw.split(",").map((s) => s.trim()).filter(Boolean))] : null)),
});

export const documentListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
  status: documentStatus.optional(),
  tag: z.string().trim().max(50).optional(),
  q: z.string().trim().max(200).optional(),
});

export const uploadCreateBody = z.object({
  filename: z.string().trim().min(1).max(255),
  size: z.number().int().positive(),
});
