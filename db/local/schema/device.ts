import { index, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createSelectSchema } from "drizzle-zod";
import { instant, syncedColumns } from "./columns";
import { users } from "./user";

/** A workstation a user logged in from; revoking it cuts it off and wipes its cache. */
export const devices = sqliteTable(
  "device",
  {
    ...syncedColumns,
    userId: text().notNull().references(() => users.id),
    name: text().notNull(),
    createdAt: instant().notNull(),
    lastSeenAt: instant(),
    revokedAt: instant(),
  },
  (table) => [index("device_user_idx").on(table.userId)],
);

export const deviceRow = createSelectSchema(devices);
