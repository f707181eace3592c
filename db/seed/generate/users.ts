import { SEED_USERS } from "../demo";
import { randomStream } from "./random";
import type { UserRow } from "./rows";

/**
 * The agency's people. Ids come from their own stream, so they are the same at every size;
 * the second secretary covers only the first half of the practices, so scoping shows.
 */
export function drawUsers(practiceIds: readonly string[]): UserRow[] {
  const random = randomStream("users");
  const firstHalf = practiceIds.slice(0, Math.ceil(practiceIds.length / 2));
  return SEED_USERS.map((user) => ({
    id: random.uuid(),
    login: user.login,
    displayName: user.displayName,
    role: user.role,
    practiceIds: user.practices === "all" ? [...practiceIds] : firstHalf,
    extension: user.extension,
  }));
}

export const secretaryIds = (users: readonly UserRow[]): string[] => users.filter((user) => user.role === "secretary").map((user) => user.id);
