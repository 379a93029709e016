// §Projects invites: owners invite by email; the invited person accepts through the emailed link.
import { and, desc, eq, gt, isNull } from "drizzle-orm";
import { Hono } from "hono";
import { inviteCreateBody } from "../../protocol/api";
import { enforceMemberQuota } from "../billing/quotas";
import { config } from "../config";
import type { AppEnv } from "../context";
import { invites, members, projects, users } from "../db/schema";
import { sendEmail } from "../email/send";
import { inviteEmail } from "../email/templates";
import { AppError, conflict, forbidden, notFound } from "../errors";
import { newId, newToken, sha256Hex } from "../lib/crypto";
import { DAY, inSeconds, nowIso } from "../lib/time";
import { requireRole } from "../middleware/project-access";
import { currentUser, requireUser } from "../middleware/session";
import { validate } from "../middleware/validate";
import { getProjectDto } from "../projects/queries";

const INVITE_TTL_SECONDS = 7 * DAY;
const inviteColumns = {
  id: invites.id,
  email: invites.email,
  role: invites.role,
  createdAt: invites.createdAt,
  expiresAt: invites.expiresAt,
};

/** Mounted at /api/projects/:projectId/invites, behind the project access check. */
export const projectInviteRoutes = new Hono<AppEnv>()
  .use(requireRole("owner"))
  .post("/", validate("json", inviteCreateBody), async (c) => {
    const projectId = c.req.param("projectId")!;
    const { email, role } = c.req.valid("json");
    const db = c.var.db;
    const existing = await db
      .select({ userId: members.userId })
      .from(members)
      .innerJoin(users, eq(users.id, members.userId))
      .where(and(eq(members.projectId, projectId), eq(users.email, email)))
      .get();
    if (existing) throw conflict("already_member", "That person is already a member of this project.");
    await enforceMemberQuota(c.env, db, projectId);

    const token = newToken();
    const invite = { id: newId(), projectId, email, role, tokenHash: await sha256Hex(token), invitedBy: currentUser(c).id, expiresAt: inSeconds(INVITE_TTL_SECONDS) };
    await db.insert(invites).values(invite).run();
    const project = await db.select({ name: projects.name }).from(projects).where(eq(projects.id, projectId)).get();
    const url = `${config(c.env).appUrl}/invites/${encodeURIComponent(token)}`;
    await sendEmail(c.env, email, inviteEmail(currentUser(c).name, project?.name ?? "a project", role, url));
    const created = await db.select(inviteColumns).from(invites).where(eq(invites.id, invite.id)).get();
    return c.json({ invite: created }, 201);
  })
  .get("/", async (c) => {
    const items = await c.var.db
      .select(inviteColumns)
      .from(invites)
      .where(and(eq(invites.projectId, c.req.param("projectId")!), isNull(invites.acceptedAt), gt(invites.expiresAt, nowIso())))
      .orderBy(desc(invites.createdAt))
      .all();
    return c.json({ items, nextCursor: null });
  })
  .delete("/:inviteId", async (c) => {
    const deleted = await c.var.db
      .delete(invites)
      .where(and(eq(invites.id, c.req.param("inviteId")), eq(invites.projectId, c.req.param("projectId")!)))
      .returning({ id: invites.id })
      .get();
    if (!deleted) throw notFound("invite");
    return c.body(null, 204);
  });

async function findInvite(db: AppEnv["Variables"]["db"], token: string) {
  const row = await db
    .select({ invite: invites, projectName: projects.name, inviterName: users.name })
    .from(invites)
    .innerJoin(projects, eq(projects.id, invites.projectId))
    .innerJoin(users, eq(users.id, invites.invitedBy))
    .where(eq(invites.tokenHash, await sha256Hex(token)))
    .get();
  if (!row) throw notFound("invitation");
  return row;
}

const expired = () => new AppError(410, "invite_expired", "This invitation has expired. Ask the project owner for a new one.");

/** Mounted at /api/invites: what the accept page shows, and accepting. */
export const inviteRoutes = new Hono<AppEnv>()
  .get("/:token", async (c) => {
    // Anyone holding the secret link may see whom it is for, so the page can say "sign in as …".
    const { invite, projectName, inviterName } = await findInvite(c.var.db, c.req.param("token"));
    return c.json({
      invite: {
        email: invite.email,
        role: invite.role,
        projectName,
        inviterName,
        expiresAt: invite.expiresAt,
        expired: invite.expiresAt <= nowIso(),
        accepted: invite.acceptedAt !== null,
      },
    });
  })
  .post("/:token/accept", requireUser, async (c) => {
    const user = currentUser(c);
    const db = c.var.db;
    const { invite } = await findInvite(db, c.req.param("token"));
    if (invite.email !== user.email) {
      throw forbidden("invite_email_mismatch", `This invitation is for ${invite.email}. Sign in with that address to accept it.`);
    }
    const membership = await db
      .select({ role: members.role })
      .from(members)
      .where(and(eq(members.projectId, invite.projectId), eq(members.userId, user.id)))
      .get();
    if (membership) return c.json({ project: await getProjectDto(db, invite.projectId, membership.role) });
    if (invite.acceptedAt) throw new AppError(410, "invite_used", "This invitation was already used.");
    if (invite.expiresAt <= nowIso()) throw expired();
    const now = nowIso();
    await db.batch([
      db.insert(members).values({ projectId: invite.projectId, userId: user.id, role: invite.role, createdAt: now }).onConflictDoNothing(),
      db.update(invites).set({ acceptedAt: now }).where(eq(invites.id, invite.id)),
      // Following a link sent to the address proves the person owns it.
      db.update(users).set({ emailVerified: true }).where(eq(users.id, user.id)),
    ]);
    return c.json({ project: await getProjectDto(db, invite.projectId, invite.role) });
  });
