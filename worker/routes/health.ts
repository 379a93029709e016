import { Hono } from "hono";
import type { AppEnv } from "../context";
import { VERSION } from "../version";

export const healthRoutes = new Hono<AppEnv>().get("/", async (c) => {
  // Answers only when D1 answers; a failing D1 becomes a 503, not a false "ok".
  try {
    await c.env.DB.prepare("select 1").first();
  } catch {
    return c.json({ ok: false, version: VERSION, error: { code: "database_unavailable", message: "The database is not answering." } }, 503);
  }
  return c.json({ ok: true, version: VERSION });
});
