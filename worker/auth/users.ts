import { eq } from "drizzle-orm";
import type { UserDto } from "../../protocol/api";
import type { Db } from "../db/client";
import { users } from "../db/schema";

export const userDtoColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  emailVerified: users.emailVerified,
  plan: users.plan,
};

export async function getUserDto(db: Db, userId: string): Promise<UserDto | undefined> {
  return db.select(userDtoColumns).from(users).where(eq(users.id, userId)).get();
}
