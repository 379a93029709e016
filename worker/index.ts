// Worker entry: HTTP through the Hono app, parse jobs from the queue, scheduled maintenance and backups.
import app from "./app";
import { BACKUP_CRON, runBackup } from "./backup/run";
import { createDb } from "./db/client";
import { runMaintenance } from "./maintenance";
import { handleDeadLetters, handleParseBatch } from "./queue/parse-consumer";

export { ProjectRoom } from "../durable-objects/project-room";

export default {
  fetch: app.fetch,
  async queue(batch, env, _ctx) {
    if (batch.queue.endsWith("-dlq")) await handleDeadLetters(batch, env);
    else await handleParseBatch(batch, env);
  },
  async scheduled(controller, env, ctx) {
    if (controller.cron === BACKUP_CRON) ctx.waitUntil(runBackup(env, new Date(controller.scheduledTime)));
    else ctx.waitUntil(runMaintenance(env, createDb(env.DB)));
  },
} satisfies ExportedHandler<Env>;
