import type { SessionUser } from "../../shared/api/wire";
import type { users } from "../../db/central/schema";

type UserRow = Pick<typeof users.$inferSelect, "id" | "displayName" | "role" | "practiceIds">;

/** What the API says of a user: never the login's secrets, never more than the wire contract. */
export const sessionUserOf = (user: UserRow): SessionUser => ({
  id: user.id,
  name: user.displayName,
  role: user.role,
  practiceIds: user.practiceIds,
});
