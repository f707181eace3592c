import { and, eq, isNull } from "drizzle-orm";
import { users } from "../../db/central/schema";
import { verifyNothing, verifyPassword } from "../../db/central/passwords";
import type { Clock } from "../../shared/time/clock";
import type { CentralDb } from "../context";
import { ApiError } from "../http/apiError";
import { beginLoginAttempt, type LoginAttempt } from "../security/loginThrottle";

/**
 * A login and its password, checked under the rate limit (server/security/loginThrottle.ts): the account and
 * its attempt (for the session's `login` event), or 401 `invalid_credentials`, the failure on record. The one
 * check behind the workstations' login and the practitioners' portal.
 */
export async function checkPassword(db: CentralDb, clock: Clock, login: string, password: string, address: string): Promise<{ user: typeof users.$inferSelect; attempt: LoginAttempt }> {
  const attempt = await beginLoginAttempt(db, clock, login, address);
  const [user] = await db
    .select()
    .from(users)
    .where(and(eq(users.login, login), isNull(users.deletedAt)))
    .limit(1);
  // Unknown logins cost an argon2 verification too: the answer time does not tell who exists.
  const valid = user?.passwordHash ? await verifyPassword(user.passwordHash, password) : await verifyNothing(password);
  if (!user || !valid) {
    await attempt.failed(user?.id ?? null);
    throw new ApiError(401, "invalid_credentials", "Identifiant ou mot de passe incorrect.");
  }
  return { user, attempt };
}
