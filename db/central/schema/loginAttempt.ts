import { index, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { instant } from "./columns";

/**
 * Central only. The login rate limit's own bookkeeping (server/security/loginThrottle.ts): one row per
 * attempt, `failedAt` set once its password was found wrong. It is not the audit trail — the trail is
 * append-only and an attempt must change once its password has been checked — but every outcome is
 * written to the trail as well (`login`, `login_failed`). Rows older than a day serve no window and go.
 */
export const loginAttempts = pgTable(
  "login_attempt",
  {
    id: uuid().primaryKey(),
    login: text().notNull(),
    address: text().notNull(),
    startedAt: instant().notNull(),
    failedAt: instant(),
  },
  (table) => [
    index("login_attempt_login_failed_idx").on(table.login, table.failedAt),
    index("login_attempt_address_failed_idx").on(table.address, table.failedAt),
    index("login_attempt_started_idx").on(table.startedAt),
  ],
);
