import { index, pgTable, text, uuid } from "drizzle-orm/pg-core";
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
  },
  (table) => [index("device_user_idx").on(table.userId)],
);

export const deviceRow = createSelectSchema(devices);
