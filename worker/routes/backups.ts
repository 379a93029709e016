// Admin routes for backups: list, run one now, restore one. Allowed to an admin's session
// (ADMIN_EMAILS) or to a script holding the RESTORE_TOKEN secret in `X-Restore-Token`: after a
// disaster the users table may be empty, so the token is the way in that needs no account.
import { Hono } from "hono";
import { createMiddleware } from "hono/factory";
import { z } from "zod";
import { BackupNotFound, readManifest, restoreBackup } from "../backup/restore";
import { listBackupIds } from "../backup/retention";
import { runBackup } from "../backup/run";
import { config } from "../config";
import type { AppEnv } from "../context";
import { conflict, notFound } from "../errors";
import { sha256Hex } from "../lib/crypto";
import { validate } from "../middleware/validate";

const restoreBody = z.object({
  projectIds: z.array(z.string().min(1).max(100)).max(10_000).optional(),
  d1: z.boolean().optional(),
});

/** A secret (`wrangler secret put RESTORE_TOKEN`, or .dev.vars locally), so not in the generated Env. */
const restoreToken = (env: Env) => (env as Env & { RESTORE_TOKEN?: string }).RESTORE_TOKEN;

const backupIdPattern = /^[0-9TZ-]{10,40}$/;

/** Equal secrets compared through their hashes, so the comparison leaks no prefix length. */
async function tokenMatches(given: string | undefined, secret: string | undefined): Promise<boolean> {
  if (!given || !secret) return false;
  return (await sha256Hex(given)) === (await sha256Hex(secret));
}

const requireBackupAdmin = createMiddleware<AppEnv>(async (c, next) => {
  if (await tokenMatches(c.req.header("X-Restore-Token"), restoreToken(c.env))) return next();
  const user = c.var.user;
  if (user && config(c.env).admins.includes(user.email.toLowerCase())) return next();
  // Same answer for "no such route" and "not yours": the admin surface is not advertised.
  throw notFound("API route");
});

export const backupRoutes = new Hono<AppEnv>()
  .use(requireBackupAdmin)
  .get("/", async (c) => {
    const ids = (await listBackupIds(c.env.BACKUPS)).reverse();
    const items = await Promise.all(
      ids.map(async (id) => {
        try {
          const m = await readManifest(c.env, id);
          return { id, complete: true, finishedAt: m.finishedAt, rooms: m.rooms.length, failedRooms: m.failed.length, d1Tables: m.d1.tables };
        } catch (error) {
          if (error instanceof BackupNotFound) return { id, complete: false };
          throw error;
        }
      }),
    );
    return c.json({ items });
  })
  .post("/", async (c) => {
    const manifest = await runBackup(c.env);
    return c.json({ backup: manifest }, 201);
  })
  .post("/:id/restore", validate("json", restoreBody), async (c) => {
    const id = c.req.param("id");
    if (!backupIdPattern.test(id)) throw notFound("backup");
    try {
      return c.json({ restore: await restoreBackup(c.env, id, c.req.valid("json")) });
    } catch (error) {
      if (error instanceof BackupNotFound) throw notFound("backup");
      if (error instanceof Error && error.message.startsWith("The database lacks migrations")) throw conflict("schema_behind", error.message);
      throw error;
    }
  });
