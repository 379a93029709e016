// Which backups to keep: the `keep` newest by id (ids are UTC timestamps, so they sort by time).
export const BACKUP_PREFIX = "backups/";

/** A backup id for `date`: `2026-11-27T03-30-00Z` (no colons, sorts in time order). */
export function backupId(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z").replaceAll(":", "-");
}

/**
 * The ids to delete: everything older than the `keep`-th newest complete backup (one with a
 * manifest). Unfinished backups newer than that stay: one may still be running.
 */
export function backupsToDelete(ids: readonly string[], complete: ReadonlySet<string>, keep: number): string[] {
  const newestFirst = [...new Set(ids)].sort().reverse();
  const kept = newestFirst.filter((id) => complete.has(id)).slice(0, Math.max(1, keep));
  if (kept.length < Math.max(1, keep)) return [];
  const oldestKept = kept[kept.length - 1]!;
  return newestFirst.filter((id) => id < oldestKept);
}

export function keepCount(env: Env): number {
  const n = Number.parseInt(env.BACKUP_KEEP ?? "", 10);
  return Number.isFinite(n) && n >= 1 ? n : 7;
}

/** The backup ids in the bucket (one `backups/<id>/` folder each). */
export async function listBackupIds(bucket: R2Bucket): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await bucket.list({ prefix: BACKUP_PREFIX, delimiter: "/", cursor });
    ids.push(...page.delimitedPrefixes.map((p) => p.slice(BACKUP_PREFIX.length, -1)));
    cursor = page.truncated ? page.cursor : undefined;
  } while (cursor);
  return ids.sort();
}

export const manifestKey = (id: string) => `${BACKUP_PREFIX}${id}/manifest.json`;

/** Deletes every backup but the `keep` newest complete ones; returns the ids deleted. */
export async function pruneBackups(bucket: R2Bucket, keep: number): Promise<string[]> {
  const ids = await listBackupIds(bucket);
  const complete = new Set<string>();
  for (const id of ids) if (await bucket.head(manifestKey(id))) complete.add(id);
  const doomed = backupsToDelete(ids, complete, keep);
  for (const id of doomed) {
    // Listed afresh each round: the deletes change what a cursor would point at.
    for (;;) {
      const page = await bucket.list({ prefix: `${BACKUP_PREFIX}${id}/` });
      if (page.objects.length === 0) break;
      await bucket.delete(page.objects.map((o) => o.key));
    }
  }
  return doomed;
}
