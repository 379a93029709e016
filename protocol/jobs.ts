// Queue message bodies. The consumer safeParses every message; a body that does not match is
// dropped with a log line rather than retried forever.
import { z } from "zod";

export const parseJob = z.object({
  kind: z.literal("parse"),
  projectId: z.string().min(1),
  documentId: z.string().min(1),
  /** The document's parseGeneration when the job was sent; older jobs are stale and dropped. */
  generation: z.number().int().nonnegative(),
  /** First page of the chunk this message covers (1-based). */
  startPage: z.number().int().positive(),
});
export type ParseJob = z.infer<typeof parseJob>;
