import { index, integer, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { createSelectSchema } from "drizzle-zod";
import { DIRECTIVE_CATEGORIES } from "../../../shared/domain/enums";
import { directiveFlags } from "../../../shared/domain/schedules";
import type { z } from "zod";
import { instant, json, syncedColumns } from "./columns";
import { practices } from "./practice";
import { practitioners } from "./practitioner";

/** A consigne: what the doctor wants done, for the whole practice or one practitioner, possibly for a while only. */
export const directives = pgTable(
  "directive",
  {
    ...syncedColumns,
    practiceId: uuid().notNull().references(() => practices.id),
    practitionerId: uuid().references(() => practitioners.id),
    category: text({ enum: DIRECTIVE_CATEGORIES }).notNull(),
    title: text().notNull(),
    text: text().notNull(),
    priority: integer().notNull().default(0),
    validFrom: instant(),
    validTo: instant(),
    flags: json<z.infer<typeof directiveFlags>>().notNull(),
  },
  (table) => [index("directive_practice_idx").on(table.practiceId, table.validFrom)],
);

export const directiveRow = createSelectSchema(directives, { flags: directiveFlags });
