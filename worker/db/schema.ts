// The single source of D1's shape. Migrations in migrations/ are generated from this file
// with `npm run db:generate` and never edited after they are applied.
// D1 holds only small per-account and per-document rows; page texts, annotations and events
// live in each project's ProjectRoom Durable Object so this database never approaches 10 GB.
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

const createdAt = () => text("created_at").notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`);

export const users = sqliteTable("users", {
  id: text("id").primaryKey(),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  passwordHash: text("password_hash").notNull(),
  passwordSalt: text("password_salt").notNull(),
  passwordIterations: integer("password_iterations").notNull(),
  emailVerified: integer("email_verified", { mode: "boolean" }).notNull().default(false),
  plan: text("plan").notNull().default("free"),
  createdAt: createdAt(),
});

/** Server-side sessions; the id is the SHA-256 of the cookie value, so a leaked table is not a key ring. */
export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    expiresAt: text("expires_at").notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** One-time email tokens (verification, password reset), stored hashed. */
export const emailTokens = sqliteTable(
  "email_tokens",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["verify", "reset"] }).notNull(),
    expiresAt: text("expires_at").notNull(),
    usedAt: text("used_at"),
    createdAt: createdAt(),
  },
  (t) => [index("email_tokens_user_idx").on(t.userId, t.kind)],
);

/** Personal access tokens for scripts; only the SHA-256 of the token is kept. */
export const apiTokens = sqliteTable(
  "api_tokens",
  {
    id: text("id").primaryKey(),
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    createdAt: createdAt(),
    lastUsedAt: text("last_used_at"),
  },
  (t) => [index("api_tokens_user_idx").on(t.userId)],
);

/** Failed-login lockouts: set when the rate-limit binding says an email failed too often. */
export const loginLockouts = sqliteTable("login_lockouts", {
  email: text("email").primaryKey(),
  until: text("until").notNull(),
});

export const projects = sqliteTable("projects", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  /** The account whose plan the project's usage counts against (the creator). */
  ownerId: text("owner_id").notNull().references(() => users.id),
  createdAt: createdAt(),
  updatedAt: text("updated_at").notNull(),
});

export const members = sqliteTable(
  "members",
  {
    projectId: text("project_id").notNull().references(() => projects.id, { onDelete: "cascade" }),
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: ["owner", "editor", "viewer"] }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.userId] }), index("members_user_idx").on(t.userId)],
);

export const invites = sqliteTable(
  "invites",
  {
    id: text("id").primaryKey(),
    projectId: text("project_id").notNull().references(() => projects.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    role: text("role", { enum: ["owner", "editor", "viewer"] }).notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    invitedBy: text("invited_by").notNull().references(() => users.id),
    createdAt: createdAt(),
    expiresAt: text("expires_at").notNull(),
    acceptedAt: text("accepted_at"),
  },
  (t) => [index("invites_project_idx").on(t.projectId)],
);

/** Development outbox: every email the app sent, readable at GET /api/dev/outbox outside production. */
export const outbox = sqliteTable("outbox", {
  id: text("id").primaryKey(),
  to: text("to_address").notNull(),
  subject: text("subject").notNull(),
  text: text("text_body").notNull(),
  html: text("html_body").notNull(),
  sentAt: text("sent_at").notNull(),
});

/** One row per paper: status and metadata. Page texts live in the project's Durable Object. */
export const documents = sqliteTable(
  "documents",
  {
    id: text("id").primaryKey(),
    projectId: text("project_id").notNull().references(() => projects.id, { onDelete: "cascade" }),
    filename: text("filename").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    r2Key: text("r2_key").notNull(),
    status: text("status", { enum: ["queued", "parsing", "parsed", "failed"] }).notNull(),
    pagesDone: integer("pages_done").notNull().default(0),
    pageCount: integer("page_count"),
    /** Letters and digits extracted so far; 0 after the last page means a scan (no_text). */
    textChars: integer("text_chars").notNull().default(0),
    errorCode: text("error_code"),
    errorMessage: text("error_message"),
    title: text("title"),
    authors: text("authors", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
    year: integer("year"),
    doi: text("doi"),
    arxivId: text("arxiv_id"),
    abstract: text("abstract"),
    tags: text("tags", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
    /** Fields a person edited; a reparse never overwrites them. */
    editedFields: text("edited_fields", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
    /** Raw Info dictionary and XMP metadata, kept as weak hints. */
    rawMetadata: text("raw_metadata", { mode: "json" }).$type<Record<string, unknown>>(),
    /** Bumped on every (re)parse so stale queue messages can be recognised and dropped. */
    parseGeneration: integer("parse_generation").notNull().default(0),
    parseStartedAt: text("parse_started_at"),
    /** Time spent parsing so far, summed over chunks; the time cap applies to this, not to queue waits. */
    parseMs: integer("parse_ms").notNull().default(0),
    /** The older paper this one seems to duplicate (same DOI or title), until a person resolves it. */
    duplicateOf: text("duplicate_of", { mode: "json" }).$type<{ id: string; title: string | null; reason: "doi" | "title" }>(),
    /** Papers a person chose to keep this one apart from: never flagged against them again. */
    duplicateKept: text("duplicate_kept", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
    uploadedBy: text("uploaded_by").notNull().references(() => users.id),
    createdAt: createdAt(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("documents_project_sha_idx").on(t.projectId, t.sha256),
    index("documents_project_created_idx").on(t.projectId, t.createdAt),
    index("documents_status_idx").on(t.status),
  ],
);

/** Resumable uploads in progress (R2 multipart). */
export const uploads = sqliteTable(
  "uploads",
  {
    id: text("id").primaryKey(),
    projectId: text("project_id").notNull().references(() => projects.id, { onDelete: "cascade" }),
    userId: text("user_id").notNull().references(() => users.id),
    documentId: text("document_id").notNull(),
    r2Key: text("r2_key").notNull(),
    r2UploadId: text("r2_upload_id").notNull(),
    filename: text("filename").notNull(),
    size: integer("size").notNull(),
    partSize: integer("part_size").notNull(),
    parts: text("parts", { mode: "json" }).$type<Record<string, string>>().notNull().default(sql`'{}'`),
    createdAt: createdAt(),
  },
  (t) => [index("uploads_created_idx").on(t.createdAt)],
);

/**
 * Billing state per user: the Stripe customer and the subscription as last reported by Stripe.
 * Missing row = free plan. `lastEventAt` (Unix seconds of the Stripe event last applied) lets
 * late, out-of-order webhook events be recognised and ignored.
 */
export const billingAccounts = sqliteTable("billing_accounts", {
  userId: text("user_id").primaryKey().references(() => users.id, { onDelete: "cascade" }),
  stripeCustomerId: text("stripe_customer_id").unique(),
  stripeSubscriptionId: text("stripe_subscription_id"),
  plan: text("plan", { enum: ["free", "researcher", "lab"] }).notNull().default("free"),
  interval: text("interval", { enum: ["month", "year"] }),
  /** Stripe's subscription status (active, trialing, past_due, canceled, unpaid, incomplete, …) or "none". */
  status: text("status").notNull().default("none"),
  /** Seats bought (the subscription quantity); used by the lab plan's member limit. */
  seats: integer("seats"),
  currentPeriodEnd: text("current_period_end"),
  /** While past_due, paid limits hold until this moment; after it the free limits apply. */
  graceUntil: text("grace_until"),
  lastEventAt: integer("last_event_at").notNull().default(0),
  /** Custom limits for this account only (set by an operator), over its plan's. */
  limitsOverride: text("limits_override", { mode: "json" }).$type<Record<string, number>>(),
  updatedAt: text("updated_at").notNull(),
});

/** Every Stripe event applied, so a redelivered event has no second effect. */
export const stripeEvents = sqliteTable("stripe_events", {
  id: text("id").primaryKey(),
  type: text("type").notNull(),
  /** The event's own `created` (Unix seconds). */
  eventCreated: integer("event_created").notNull(),
  receivedAt: createdAt(),
});

/** IP bans: an IPv4 address or an IPv6 /64 prefix ("2001:db8:1:2::/64"), optionally expiring. */
export const bans = sqliteTable(
  "bans",
  {
    id: text("id").primaryKey(),
    network: text("network").notNull().unique(),
    reason: text("reason").notNull(),
    expiresAt: text("expires_at"),
    createdBy: text("created_by").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("bans_expires_idx").on(t.expiresAt)],
);

/**
 * Slots a user holds right now: an upload streaming bytes, or an open WebSocket (in any project).
 * Counted against the per-user caps in worker/abuse/user-leases.ts. Every lease expires, so a
 * crashed isolate cannot hold a slot for ever; socket leases are also checked against their room.
 */
export const userLeases = sqliteTable(
  "user_leases",
  {
    id: text("id").primaryKey(),
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["upload", "socket"] }).notNull(),
    /** The project of the upload or socket; a socket lease is verified with that project's room. */
    projectId: text("project_id"),
    expiresAt: text("expires_at").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("user_leases_user_kind_idx").on(t.userId, t.kind, t.expiresAt),
    index("user_leases_expires_idx").on(t.expiresAt),
    // Who is online in a project (worker/projects/online.ts).
    index("user_leases_project_kind_idx").on(t.projectId, t.kind, t.expiresAt),
  ],
);
