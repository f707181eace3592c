import { index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createSelectSchema } from "drizzle-zod";
import { instant, syncedColumns } from "./columns";
import { users } from "./user";

/** A workstation a user logged in from; revoking it cuts it off and wipes its cache. */
export const devices = pgTable(
  "device",
  {
    ...syncedColumns,
    userId: uuid().notNull().references(() => users.id),
    name: text().notNull(),
    createdAt: instant().notNull(),
    lastSeenAt: instant(),
    revokedAt: instant(),
    /** Central only: SHA-256 of the bearer token this device logged in with; the token itself is never stored. */
    tokenHash: text().notNull(),
  },
  (table) => [index("device_user_idx").on(table.userId), uniqueIndex("device_token_hash_idx").on(table.tokenHash)],
);

export const deviceRow = createSelectSchema(devices).omit({ tokenHash: true });
