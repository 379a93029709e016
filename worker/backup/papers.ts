// The second copy of the PDFs: every object of PAPERS is copied once into BACKUPS under
// `papers/<key>` (objects are immutable: a key is written once and only ever deleted).
// Restore copies back the ones a document row names and PAPERS lacks.

export const MIRROR_PREFIX = "papers/";
/** Objects copied per run at most; the rest follow on the next run. */
const MAX_COPIES_PER_RUN = 1000;

async function listKeys(bucket: R2Bucket, prefix: string): Promise<Set<string>> {
  const keys = new Set<string>();
  let cursor: string | undefined;
  do {
    const page = await bucket.list({ prefix, cursor, limit: 1000 });
    for (const o of page.objects) keys.add(o.key.slice(prefix.length));
    cursor = page.truncated ? page.cursor : undefined;
  } while (cursor);
  return keys;
}

async function copy(from: R2Bucket, fromKey: string, to: R2Bucket, toKey: string): Promise<boolean> {
  const object = await from.get(fromKey);
  if (!object) return false;
  await to.put(toKey, object.body, { httpMetadata: object.httpMetadata, customMetadata: object.customMetadata });
  return true;
}

/** Copies PDFs not yet mirrored; returns how many were copied and how many are still to copy. */
export async function mirrorPapers(env: Env, limit = MAX_COPIES_PER_RUN): Promise<{ copied: number; pending: number; total: number }> {
  const [live, mirrored] = await Promise.all([listKeys(env.PAPERS, "projects/"), listKeys(env.BACKUPS, `${MIRROR_PREFIX}projects/`)]);
  const missing = [...live].filter((k) => !mirrored.has(k));
  let copied = 0;
  for (const key of missing.slice(0, limit)) {
    if (await copy(env.PAPERS, `projects/${key}`, env.BACKUPS, `${MIRROR_PREFIX}projects/${key}`)) copied++;
  }
  return { copied, pending: missing.length - copied, total: live.size };
}

/** Puts back the mirrored copy of every named object PAPERS lacks; returns counts. */
export async function restorePapers(env: Env, keys: string[]): Promise<{ present: number; restored: number; missing: string[] }> {
  let present = 0;
  let restored = 0;
  const missing: string[] = [];
  for (const key of keys) {
    if (await env.PAPERS.head(key)) present++;
    else if (await copy(env.BACKUPS, MIRROR_PREFIX + key, env.PAPERS, key)) restored++;
    else missing.push(key);
  }
  return { present, restored, missing };
}
