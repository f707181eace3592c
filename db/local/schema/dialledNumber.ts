import { index, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createSelectSchema } from "drizzle-zod";
import { syncedColumns } from "./columns";
import { practices } from "./practice";

/** A number callers dial (DID) and the practice it rings for: the key of the screen pop. */
export const dialledNumbers = sqliteTable(
  "dialled_number",
  {
    ...syncedColumns,
    practiceId: text().notNull().references(() => practices.id),
    e164: text().notNull(),
    label: text().notNull().default(""),
  },
  (table) => [uniqueIndex("dialled_number_e164_idx").on(table.e164), index("dialled_number_practice_idx").on(table.practiceId)],
);

export const dialledNumberRow = createSelectSchema(dialledNumbers, { e164: (s) => s.regex(/^\+\d{6,15}$/) });
