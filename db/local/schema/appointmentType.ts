import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createSelectSchema } from "drizzle-zod";
import { motifRestrictions, type MotifRestrictions } from "../../../shared/domain/schedules";
import { json, syncedColumns } from "./columns";
import { practices } from "./practice";
import { practitioners } from "./practitioner";

/** A motif: what the patient comes for, how long it takes and who may book it. */
export const appointmentTypes = sqliteTable(
  "appointment_type",
  {
    ...syncedColumns,
    practiceId: text().notNull().references(() => practices.id),
    practitionerId: text().notNull().references(() => practitioners.id),
    label: text().notNull(),
    durationMinutes: integer().notNull(),
    color: text().notNull(),
    allowedForNewPatients: integer({ mode: "boolean" }).notNull(),
    patientInstructions: text().notNull().default(""),
    minNoticeMinutes: integer().notNull().default(0),
    restrictions: json<MotifRestrictions>().notNull(),
    /** Rank in the practitioner's list of motifs; the first is the everyday one, used when no motif is chosen. */
    sortOrder: integer().notNull().default(0),
  },
  (table) => [index("appointment_type_practitioner_idx").on(table.practitionerId)],
);

export const appointmentTypeRow = createSelectSchema(appointmentTypes, {
  durationMinutes: (s) => s.int().min(5).max(480),
  restrictions: motifRestrictions,
});
