import { index, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { createSelectSchema } from "drizzle-zod";
import { NEW_PATIENT_POLICIES } from "../../../shared/domain/enums";
import { absences, exceptionalOpenings, weeklyHours, type Absence, type WeeklyHours } from "../../../shared/domain/schedules";
import type { z } from "zod";
import { json, syncedColumns } from "./columns";
import { practices } from "./practice";

export const practitioners = pgTable(
  "practitioner",
  {
    ...syncedColumns,
    practiceId: uuid().notNull().references(() => practices.id),
    title: text().notNull(),
    firstName: text().notNull(),
    lastName: text().notNull(),
    specialty: text().notNull(),
    rpps: text(),
    acceptsNewPatients: text({ enum: NEW_PATIENT_POLICIES }).notNull(),
    workingHours: json<WeeklyHours>().notNull(),
    exceptionalOpenings: json<z.infer<typeof exceptionalOpenings>>().notNull(),
    absences: json<Absence[]>().notNull(),
    color: text().notNull(),
  },
  (table) => [index("practitioner_practice_idx").on(table.practiceId)],
);

export const practitionerRow = createSelectSchema(practitioners, { workingHours: weeklyHours, exceptionalOpenings, absences });
