// Refuses banned addresses before any other work. The address comes from CF-Connecting-IP,
// which Cloudflare sets; X-Forwarded-For is client-controlled and never used.
import { createMiddleware } from "hono/factory";
import { activeBans, isBanned } from "../abuse/ban-list";
import { banNetwork } from "../abuse/networks";
import type { AppEnv } from "../context";
import { createDb } from "../db/client";
import { errorBody } from "../errors";

export const banCheck = createMiddleware<AppEnv>(async (c, next) => {
  const ip = c.req.header("CF-Connecting-IP");
  const list = await activeBans(createDb(c.env.DB));
  if (ip && list.size > 0 && isBanned(list, banNetwork(ip))) {
    return c.json(errorBody("banned", "Requests from your network are blocked. Contact the operators if you think this is a mistake."), 403);
  }
  return next();
});
