import { sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createSelectSchema } from "drizzle-zod";
import { z } from "zod";
import { WORKSTATION_ROLES } from "../../../shared/domain/enums";
import { json, syncedColumns } from "./columns";

/** A person of the agency. The workstation keeps no password: authentication is the server's. */
export const users = sqliteTable(
  "user",
  {
    ...syncedColumns,
    login: text().notNull(),
    displayName: text().notNull(),
    role: text({ enum: WORKSTATION_ROLES }).notNull(),
    practiceIds: json<string[]>().notNull(),
    extension: text(),
  },
  (table) => [uniqueIndex("user_login_idx").on(table.login)],
);

export const userRow = createSelectSchema(users, { practiceIds: z.array(z.string().uuid()) });
