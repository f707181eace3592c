import { bigint, index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { instant } from "./columns";
import { users } from "./user";

/**
 * The practitioners' portal (`/portail/`): central only, never synced. A portal account signs in with its
 * password and a second factor (TOTP, RFC 6238), or one of its recovery codes.
 */

/** A portal account's TOTP secret: made at its first sign-in, in force once a code from it has been given back. */
export const portalSecondFactors = pgTable("portal_second_factor", {
  userId: uuid().primaryKey().references(() => users.id),
  /** Base32, as authenticator apps take it. The server must compute codes from it, so it cannot be hashed. */
  secret: text().notNull(),
  createdAt: instant().notNull(),
  /** Set by the first code accepted: until then, each sign-in shows a new secret to scan. */
  confirmedAt: instant(),
  /** The 30-second step of the last code accepted: a code is never accepted twice (RFC 6238 §5.2). */
  lastUsedStep: bigint({ mode: "number" }),
});

/** Ten single-use codes, for a lost phone; only their SHA-256 is kept (80 random bits each). */
export const portalRecoveryCodes = pgTable(
  "portal_recovery_code",
  {
    id: uuid().primaryKey(),
    userId: uuid().notNull().references(() => users.id),
    codeHash: text().notNull(),
    createdAt: instant().notNull(),
    usedAt: instant(),
  },
  (table) => [uniqueIndex("portal_recovery_code_hash_idx").on(table.codeHash), index("portal_recovery_code_user_idx").on(table.userId)],
);

export const PORTAL_SESSION_STAGES = ["second_factor", "open"] as const;

/** A browser's session on the portal, named by an HttpOnly cookie whose token only the SHA-256 of is kept. */
export const portalSessions = pgTable(
  "portal_session",
  {
    id: uuid().primaryKey(),
    userId: uuid().notNull().references(() => users.id),
    tokenHash: text().notNull(),
    /** `second_factor`: the password was right, the code is awaited; `open`: signed in. */
    stage: text({ enum: PORTAL_SESSION_STAGES }).notNull(),
    createdAt: instant().notNull(),
    lastSeenAt: instant().notNull(),
    endedAt: instant(),
  },
  (table) => [uniqueIndex("portal_session_token_hash_idx").on(table.tokenHash), index("portal_session_user_idx").on(table.userId)],
);
