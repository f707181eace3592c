import { index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { instant } from "./columns";
import { practitioners } from "./practitioner";
import { users } from "./user";

/**
 * A practitioner's secret calendar address (`/ics/<token>.ics`) for their own calendar app. Central only,
 * never synced: only the SHA-256 of the token is kept, so a copy of the database reveals no address.
 */
export const calendarFeeds = pgTable(
  "calendar_feed",
  {
    id: uuid().primaryKey(),
    practitionerId: uuid().notNull().references(() => practitioners.id),
    tokenHash: text().notNull(),
    createdAt: instant().notNull(),
    createdBy: uuid().references(() => users.id),
    revokedAt: instant(),
  },
  (table) => [uniqueIndex("calendar_feed_token_hash_idx").on(table.tokenHash), index("calendar_feed_practitioner_idx").on(table.practitionerId)],
);
