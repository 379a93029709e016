// `npm run restore -- <backup-id|latest> [--url URL] [--token TOKEN] [--projects id,id] [--no-d1]`
// `npm run restore -- --list` / `npm run restore -- --backup-now`
// Rebuilds D1 and the projects' room storage from a backup in the BACKUPS bucket, through the
// worker's admin route (POST /api/admin/backups/:id/restore): the same command works against
// `npm run dev` (local state) and production. The token is the RESTORE_TOKEN secret
// (`.dev.vars` locally, `wrangler secret put RESTORE_TOKEN --env production` in production).
import { parseArgs } from "node:util";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    url: { type: "string", default: process.env.RESTORE_URL ?? "http://127.0.0.1:8787" },
    token: { type: "string", default: process.env.RESTORE_TOKEN },
    projects: { type: "string" },
    "no-d1": { type: "boolean", default: false },
    list: { type: "boolean", default: false },
    "backup-now": { type: "boolean", default: false },
    yes: { type: "boolean", default: false },
  },
});

const fail = (message) => {
  console.error(message);
  process.exit(1);
};
if (!values.token) fail("Give the RESTORE_TOKEN secret with --token or the RESTORE_TOKEN environment variable.");
const base = values.url.replace(/\/+$/, "");

async function call(method, path, body) {
  const res = await fetch(`${base}/api/admin/backups${path}`, {
    method,
    headers: { "X-Restore-Token": values.token, ...(body ? { "Content-Type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  const json = text ? JSON.parse(text) : null;
  if (!res.ok) fail(`${method} ${path || "/"}: ${res.status} ${json?.error?.message ?? text}`);
  return json;
}

if (values.list) {
  const { items } = await call("GET", "");
  for (const b of items) console.log(`${b.id}  ${b.complete ? `${b.rooms} rooms${b.failedRooms ? `, ${b.failedRooms} failed` : ""}` : "unfinished"}`);
  process.exit(0);
}
if (values["backup-now"]) {
  const { backup } = await call("POST", "", {});
  console.log(`backup ${backup.id}: ${backup.rooms.length} rooms, D1 ${JSON.stringify(backup.d1.tables)}`);
  process.exit(0);
}

let id = positionals[0];
if (!id) fail("Name a backup id (see --list) or `latest`.");
if (id === "latest") {
  const { items } = await call("GET", "");
  id = items.find((b) => b.complete)?.id;
  if (!id) fail("There is no finished backup.");
}
const projectIds = values.projects ? values.projects.split(",").map((p) => p.trim()).filter(Boolean) : undefined;
const body = { ...(projectIds ? { projectIds } : {}), ...(values["no-d1"] ? { d1: false } : {}) };
const replacesD1 = !values["no-d1"] && !projectIds;
if (!values.yes) {
  console.log(`Restoring ${id} into ${base}: ${replacesD1 ? "every D1 table is replaced and " : ""}${projectIds ? `${projectIds.length} project room(s) are` : "every project room in the backup is"} wiped and refilled.`);
  console.log("Starting in 5 s (Ctrl-C to stop; --yes skips this wait).");
  await new Promise((r) => setTimeout(r, 5000));
}
const started = Date.now();
const { restore } = await call("POST", `/${encodeURIComponent(id)}/restore`, body);
console.log(`restored ${restore.backupId} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
if (restore.d1) console.log(`  D1: ${Object.entries(restore.d1).map(([t, n]) => `${t} ${n}`).join(", ")}`);
console.log(`  rooms: ${restore.rooms.length}`);
console.log(`  PDFs: ${restore.papers.present} present, ${restore.papers.restored} copied back from the mirror, ${restore.papers.missing.length} missing`);
for (const key of restore.papers.missing) console.log(`    missing: ${key}`);
process.exit(restore.papers.missing.length ? 2 : 0);
