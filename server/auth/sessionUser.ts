import type { SessionUser } from "../../shared/api/wire";
import { WORKSTATION_ROLES, type WorkstationRole } from "../../shared/domain/enums";
import type { users } from "../../db/central/schema";

type UserRow = Pick<typeof users.$inferSelect, "id" | "displayName" | "role" | "practiceIds">;

/** An account that signs in on a workstation: a practitioner's signs in on the portal only. */
export const isWorkstationAccount = <T extends UserRow>(user: T): user is T & { role: WorkstationRole } =>
  (WORKSTATION_ROLES as readonly string[]).includes(user.role);

/** What the API says of a user: never the login's secrets, never more than the wire contract. */
export const sessionUserOf = (user: UserRow & { role: WorkstationRole }): SessionUser => ({
  id: user.id,
  name: user.displayName,
  role: user.role,
  practiceIds: user.practiceIds,
});
