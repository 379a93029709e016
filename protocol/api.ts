// Request shapes of the HTTP API, shared by the worker (validation) and the client (forms).
import { z } from "zod";

export const email = z.string().trim().toLowerCase().max(254).pipe(z.email({ message: "Enter a valid email address." }));
export const password = z
  .string()
  .min(10, { message: "Use at least 10 characters." })
  .max(1024, { message: "Use at most 1024 characters." });
export const personName = z.string().trim().min(1, { message: "Enter your name." }).max(100);
export const roleSchema = z.enum(["owner", "editor", "viewer"]);
const token = z.string().min(10).max(200);

export const signupBody = z.object({ email, password, name: personName });
export const loginBody = z.object({ email, password: z.string().min(1).max(1024) });
export const verifyBody = z.object({ token });
export const resetRequestBody = z.object({ email });
export const resetConfirmBody = z.object({ token, password });
export const tokenCreateBody = z.object({ name: z.string().trim().min(1, { message: "Name the token." }).max(100) });

export const projectName = z.string().trim().min(1, { message: "Name the project." }).max(120);
export const projectCreateBody = z.object({ name: projectName });
export const projectUpdateBody = z.object({ name: projectName });
export const inviteCreateBody = z.object({ email, role: roleSchema });
export const memberUpdateBody = z.object({ role: roleSchema });

export const paginationQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

export type Role = z.infer<typeof roleSchema>;

export interface UserDto {
  id: string;
  email: string;
  name: string;
  emailVerified: boolean;
  plan: string;
}
export interface ProjectDto {
  id: string;
  name: string;
  role: Role;
  ownerId: string;
  createdAt: string;
  updatedAt: string;
}
export interface MemberDto {
  userId: string;
  name: string;
  email: string;
  role: Role;
}
export interface InviteDto {
  id: string;
  email: string;
  role: Role;
  createdAt: string;
  expiresAt: string;
}
export interface ApiTokenDto {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}
export interface ApiErrorBody {
  error: { code: string; message: string };
}

/** Who else has a project open right now (GET /api/me/online; docs/api-extensions.md). */
export interface ProjectOnlineDto {
  projectId: string;
  users: { userId: string; name: string }[];
}
