// The Hono root: middleware in order, one error path, and a mount per resource.
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import type { AppEnv } from "./context";
import { createDb } from "./db/client";
import { prefetchPathDocument } from "./annotations/document";
import { AppError, errorBody } from "./errors";
import { log } from "./lib/log";
import { banCheck } from "./middleware/ban-check";
import { originCheck } from "./middleware/origin-check";
import { requestLog } from "./middleware/request-log";
import { projectMember } from "./middleware/project-access";
import { limitPerUserAndIp } from "./middleware/route-limits";
import { uploadSlot } from "./middleware/upload-slots";
import { securityHeaders } from "./middleware/security-headers";
import { session } from "./middleware/session";
import { annotationRoutes } from "./routes/annotations";
import { adminRoutes } from "./routes/admin";
import { authRoutes } from "./routes/auth";
import { backupRoutes } from "./routes/backups";
import { billingRoutes } from "./routes/billing";
import { commentRoutes } from "./routes/comments";
import { documentRoutes } from "./routes/documents";
import { duplicateRoutes } from "./routes/duplicates";
import { devRoutes } from "./routes/dev";
import { discussionRoutes } from "./routes/discussion";
import { exportRoutes } from "./routes/export";
import { healthRoutes } from "./routes/health";
import { inviteRoutes, projectInviteRoutes } from "./routes/invites";
import { liveRoutes } from "./routes/live";
import { memberRoutes } from "./routes/members";
import { meRoutes, tokenRoutes } from "./routes/me";
import { projectRoutes } from "./routes/projects";
import { referenceRoutes } from "./routes/references";
import { searchRoutes } from "./routes/search";
import { stripeWebhookRoutes } from "./routes/stripe-webhook";
import { uploadRoutes } from "./routes/uploads";

/** JSON bodies are small; file uploads have their own routes and limits. */
const JSON_BODY_LIMIT = 64 * 1024;
const isJson = (ct: string | undefined) => !ct || ct.includes("json") || ct.includes("form-urlencoded") || ct.startsWith("text/");
/** Routes whose bodies are files: they stream and enforce their own limits. */
const isFileBody = (path: string) => /\/documents\/?$|\/uploads\/[^/]+\/parts\//.test(path);
/** Stripe signs the raw body and sends no Origin; the route checks its signature and size itself. */
const isStripeWebhook = (path: string) => path === "/api/stripe/webhook";

const app = new Hono<AppEnv>();

// Banned networks are turned away before any other work.
app.use("/api/*", banCheck);
app.use("/api/*", requestLog);
app.use("/api/*", securityHeaders);
app.use("/api/*", async (c, next) => {
  c.set("db", createDb(c.env.DB));
  c.set("pathDocument", undefined);
  prefetchPathDocument(c);
  return next();
});
app.use("/api/*", async (c, next) => {
  if (!isJson(c.req.header("Content-Type")) || isFileBody(c.req.path) || isStripeWebhook(c.req.path)) return next();
  return bodyLimit({
    maxSize: JSON_BODY_LIMIT,
    // Answered here rather than thrown: the limit trips while the body streams.
    onError: (c) => c.json(errorBody("body_too_large", `The request body is over ${JSON_BODY_LIMIT / 1024} KB.`), 413),
  })(c, next);
});
app.use("/api/*", session);
app.use("/api/*", (c, next) => (isStripeWebhook(c.req.path) ? next() : originCheck(c, next)));
// The one access check for every project route: non-member → 404, then per-route roles.
app.use("/api/projects/:projectId", projectMember);
app.use("/api/projects/:projectId/*", projectMember);
// The expensive routes are also limited per account and per IP.
app.on("POST", "/api/projects/:projectId/documents", limitPerUserAndIp("UPLOAD_USER_LIMITER"));
app.use("/api/projects/:projectId/uploads/*", limitPerUserAndIp("UPLOAD_USER_LIMITER")); // also matches /uploads
app.on("GET", "/api/projects/:projectId/search", limitPerUserAndIp("SEARCH_LIMITER"));
app.on("GET", "/api/projects/:projectId/live", limitPerUserAndIp("LIVE_CONNECT_LIMITER"));
app.on("POST", ["/api/projects/:projectId/documents/:documentId/comments", "/api/projects/:projectId/documents/:documentId/annotations"], limitPerUserAndIp("COMMENT_LIMITER"));
// Requests that stream file bytes also hold one of the user's parallel-upload slots while they run.
app.on("POST", "/api/projects/:projectId/documents", uploadSlot);
app.on("PUT", "/api/projects/:projectId/uploads/:uploadId/parts/:partNumber", uploadSlot);

const routes = app
  .route("/api/health", healthRoutes)
  .route("/api/auth", authRoutes)
  .route("/api/me", meRoutes)
  .route("/api/tokens", tokenRoutes)
  .route("/api/projects", projectRoutes)
  .route("/api/projects/:projectId/members", memberRoutes)
  .route("/api/projects/:projectId/invites", projectInviteRoutes)
  .route("/api/projects/:projectId/documents", documentRoutes)
  .route("/api/projects/:projectId/documents", duplicateRoutes)
  .route("/api/projects/:projectId/uploads", uploadRoutes)
  .route("/api/projects/:projectId/live", liveRoutes)
  .route("/api/projects/:projectId/search", searchRoutes)
  .route("/api/projects/:projectId", annotationRoutes)
  .route("/api/projects/:projectId", commentRoutes)
  .route("/api/projects/:projectId", exportRoutes)
  .route("/api/projects/:projectId", referenceRoutes)
  .route("/api/projects/:projectId", discussionRoutes)
  .route("/api/invites", inviteRoutes)
  .route("/api/admin/backups", backupRoutes)
  .route("/api/admin", adminRoutes)
  .route("/api/billing", billingRoutes)
  .route("/api/stripe", stripeWebhookRoutes)
  .route("/api/dev", devRoutes);

app.all("/api/*", (c) => c.json(errorBody("not_found", "There is no such API route."), 404));

app.onError((error, c) => {
  if (error instanceof AppError) {
    return c.json(errorBody(error.code, error.message), error.status, error.headers);
  }
  if (error instanceof HTTPException) {
    // Hono's own (for example malformed JSON from the validator): a client error, said plainly.
    const status = error.status;
    const message = status === 400 ? "The request body is not valid JSON." : error.message || "The request was refused.";
    return c.json(errorBody(status === 400 ? "invalid_json" : "bad_request", message), status);
  }
  log("request.error", { method: c.req.method, path: new URL(c.req.url).pathname, outcome: "error", message: String(error), stack: error instanceof Error ? error.stack : undefined });
  return c.json(errorBody("internal_error", "Something went wrong on our side. Try again in a moment."), 500);
});

export type AppType = typeof routes;
export default app;
