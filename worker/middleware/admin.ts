import { createMiddleware } from "hono/factory";
import { config } from "../config";
import type { AppEnv } from "../context";
import { notFound } from "../errors";

/** Operator-only routes: accounts named in ADMIN_EMAILS. Others get 404: the surface is not advertised. */
export const requireAdmin = createMiddleware<AppEnv>(async (c, next) => {
  const user = c.var.user;
  if (!user || !config(c.env).admins.includes(user.email.toLowerCase())) throw notFound("API route");
  return next();
});
