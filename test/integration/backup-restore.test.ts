// Restore drill: data made through the API → backup → wipe D1, the room and the PDF → restore
// through the admin route the restore script calls → everything reachable again, unchanged.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { tryAcquireLease } from "../../worker/abuse/user-leases";
import { tablesInOrder } from "../../worker/backup/d1";
import { listBackupIds, pruneBackups } from "../../worker/backup/retention";
import { createDb } from "../../worker/db/client";
import { highlight } from "../helpers/annotations";
import { TestClient, signUp } from "../helpers/client";
import { uploadPdf, waitForParse } from "../helpers/documents";
import { makePdf } from "../helpers/pdf";
import { addMember, createProject } from "../helpers/project";

const TOKEN = { "X-Restore-Token": "test-restore-token" };
const room = (projectId: string) => env.PROJECT_ROOM.get(env.PROJECT_ROOM.idFromName(projectId));

async function snapshot(client: TestClient, projectId: string, documentId: string) {
  const doc = `/api/projects/${projectId}/documents/${documentId}`;
  const file = await client.fetch(`${doc}/file`);
  return {
    project: (await client.get(`/api/projects/${projectId}`)).body,
    members: (await client.get(`/api/projects/${projectId}/members`)).body,
    documents: (await client.get(`/api/projects/${projectId}/documents`)).body,
    document: (await client.get(doc)).body,
    page1: (await client.get(`${doc}/pages/1`)).body,
    page2: (await client.get(`${doc}/pages/2`)).body,
    search: (await client.get(`/api/projects/${projectId}/search?q=epicycle`)).body,
    titleSearch: (await client.get(`/api/projects/${projectId}/search?q=Almagest`)).body,
    annotations: (await client.get(`${doc}/annotations`)).body,
    comments: (await client.get(`${doc}/comments`)).body,
    file: { status: file.status, bytes: new Uint8Array(await file.arrayBuffer()) },
    seq: await room(projectId).currentSeq(),
  };
}

describe("backup and restore", () => {
  it("refuses the admin routes without the token or an admin session", async () => {
    const { client } = await signUp("nobody");
    expect((await client.get("/api/admin/backups")).status).toBe(404);
    expect((await new TestClient().json("POST", "/api/admin/backups", {}, { "X-Restore-Token": "wrong" })).status).toBe(404);
  });

  it("brings back every row, page, search hit, annotation, comment and PDF after a wipe", async () => {
    const owner = await signUp("keeper");
    const editor = await signUp("scribe");
    const projectId = await createProject(owner.client, "Restore drill");
    await addMember(owner.client, projectId, editor, "editor");
    const upload = await uploadPdf(owner.client, projectId, makePdf(["Ptolemy explains the epicycle of Mars.", "Second page: deferent and equant."], { title: "Almagest notes" }), "almagest.pdf");
    expect(upload.status).toBe(201);
    const documentId = upload.body.document.id;
    expect((await waitForParse(owner.client, projectId, documentId)).status).toBe("parsed");
    // A title a person typed: it feeds the metadata half of the search index.
    expect((await owner.client.patch(`/api/projects/${projectId}/documents/${documentId}`, { title: "Almagest notes", tags: ["astronomy"] })).status).toBe(200);
    const annotation = await editor.client.post(`/api/projects/${projectId}/documents/${documentId}/annotations`, highlight({ quote: "epicycle", note: "the key idea" }));
    expect(annotation.status).toBe(201);
    const comment = await owner.client.post(`/api/projects/${projectId}/documents/${documentId}/comments`, { annotationId: annotation.body.annotation.id, body: "Agreed." });
    expect(comment.status).toBe(201);

    const before = await snapshot(owner.client, projectId, documentId);
    expect(before.search.items.length).toBeGreaterThan(0);
    expect(before.titleSearch.items.length).toBeGreaterThan(0);
    expect(before.annotations.items).toHaveLength(1);
    expect(before.comments.items).toHaveLength(1);
    expect(before.seq).toBeGreaterThan(0);
    const r2Key = (await env.DB.prepare("SELECT r2_key FROM documents WHERE id = ?").bind(documentId).first<{ r2_key: string }>())!.r2_key;

    // Work in flight at backup time (a socket open): a lease, which the backup leaves out.
    const lease = await tryAcquireLease(createDb(env.DB), { userId: owner.userId, kind: "socket", projectId, cap: 10, ttlSeconds: 3600 });
    expect(lease).not.toBeNull();

    const backup = await new TestClient().json("POST", "/api/admin/backups", {}, TOKEN);
    expect(backup.status).toBe(201);
    const manifest = backup.body.backup;
    expect(manifest.d1.tables).not.toHaveProperty("user_leases");
    expect(manifest.d1.tables.users).toBeGreaterThanOrEqual(2);
    expect(manifest.d1.tables.documents).toBeGreaterThanOrEqual(1);
    const roomEntry = manifest.rooms.find((r: { projectId: string }) => r.projectId === projectId);
    expect(roomEntry).toMatchObject({ consistent: true, rows: { pages: 2, annotations: 1, comments: 1 } });
    expect(roomEntry.rows.events).toBeGreaterThan(0);
    expect(roomEntry.rows).not.toHaveProperty("pages_fts");
    expect(await env.BACKUPS.head(`papers/${r2Key}`)).not.toBeNull();
    expect((await env.BACKUPS.list({ prefix: `backups/${manifest.id}/` })).objects.map((o) => o.key).sort()).toEqual(
      [`backups/${manifest.id}/d1.json.gz`, `backups/${manifest.id}/manifest.json`, ...manifest.rooms.map((r: { key: string }) => r.key)].sort(),
    );

    // The disaster: every D1 row, the room's storage and the PDF itself are gone.
    const tables = await tablesInOrder(env.DB);
    await env.DB.batch(tables.toReversed().map((t) => env.DB.prepare(`DELETE FROM "${t}"`)));
    await room(projectId).destroy();
    await env.PAPERS.delete(r2Key);
    expect((await new TestClient().post("/api/auth/login", { email: owner.email, password: owner.password })).status).toBe(401);

    const restored = await new TestClient().json("POST", `/api/admin/backups/${manifest.id}/restore`, {}, TOKEN);
    expect(restored.status).toBe(200);
    expect(restored.body.restore.d1.users).toBe(manifest.d1.tables.users);
    expect(await env.DB.prepare("SELECT count(*) AS n FROM user_leases").first("n")).toBe(0);
    expect(restored.body.restore.papers).toMatchObject({ restored: 1, missing: [] });

    // Old password, old sessions' replacement, same answers everywhere.
    const again = new TestClient();
    expect((await again.post("/api/auth/login", { email: owner.email, password: owner.password })).status).toBe(200);
    const after = await snapshot(again, projectId, documentId);
    expect(after.file.status).toBe(200);
    expect(after).toEqual(before);
    // The editor's write access came back too.
    const login = new TestClient();
    expect((await login.post("/api/auth/login", { email: editor.email, password: editor.password })).status).toBe(200);
    expect((await login.post(`/api/projects/${projectId}/documents/${documentId}/annotations`, highlight())).status).toBe(201);
    expect(await room(projectId).currentSeq()).toBe(before.seq + 1);
  });

  it("keeps the BACKUP_KEEP newest finished backups", async () => {
    const ids = Array.from({ length: 9 }, (_, i) => `2030-01-0${i + 1}T03-40-00Z`);
    for (const id of ids) {
      await env.BACKUPS.put(`backups/${id}/d1.json.gz`, "x");
      if (id !== ids[8]) await env.BACKUPS.put(`backups/${id}/manifest.json`, "{}");
    }
    const deleted = await pruneBackups(env.BACKUPS, 3);
    const left = (await listBackupIds(env.BACKUPS)).filter((id) => id.startsWith("2030"));
    // The unfinished newest one stays; the three newest finished ones stay; the rest go.
    expect(left).toEqual(ids.slice(5));
    expect(deleted.filter((id) => id.startsWith("2030"))).toEqual(ids.slice(0, 5).reverse());
  });
});
