// R2 key rules for papers. Keys are built by the server only; a filename never enters a key.
export function projectPrefix(projectId: string): string {
  return `projects/${projectId}/`;
}

export function documentKey(projectId: string, documentId: string): string {
  return `${projectPrefix(projectId)}${documentId}.pdf`;
}

/** Deletes every object under a project's prefix (used when the project is deleted). */
export async function deleteProjectObjects(bucket: R2Bucket, projectId: string): Promise<number> {
  let deleted = 0;
  let cursor: string | undefined;
  do {
    const page = await bucket.list({ prefix: projectPrefix(projectId), cursor, limit: 1000 });
    const keys = page.objects.map((o) => o.key);
    if (keys.length) await bucket.delete(keys);
    deleted += keys.length;
    cursor = page.truncated ? page.cursor : undefined;
  } while (cursor);
  return deleted;
}
