import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createSelectSchema } from "drizzle-zod";
import { z } from "zod";
import { instant, json, syncedColumns } from "./columns";
import { practices } from "./practice";

/** A patient belongs to one practice only: medical secrecy forbids sharing across practices. */
export const patients = sqliteTable(
  "patient",
  {
    ...syncedColumns,
    practiceId: text().notNull().references(() => practices.id),
    birthName: text().notNull(),
    usedName: text(),
    firstName: text().notNull(),
    birthDate: text(),
    phones: json<string[]>().notNull(),
    email: text(),
    notes: text(),
    /** « Ne souhaite pas de SMS »: no SMS is sent to this patient (issue 17). */
    smsOpposition: integer({ mode: "boolean" }).notNull().default(false),
    createdAt: instant().notNull(),
    updatedAt: instant().notNull(),
  },
  (table) => [index("patient_practice_birth_idx").on(table.practiceId, table.birthDate)],
);

export const patientRow = createSelectSchema(patients, {
  birthDate: (s) => s.regex(/^\d{4}-\d{2}-\d{2}$/),
  phones: z.array(z.string().regex(/^\+\d{6,15}$/)),
});
