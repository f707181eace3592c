import { index, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { createSelectSchema } from "drizzle-zod";
import { APPOINTMENT_STATUSES, BOOKING_CHANNELS } from "../../../shared/domain/enums";
import { instant, syncedColumns } from "./columns";
import { appointmentTypes } from "./appointmentType";
import { patients } from "./patient";
import { practices } from "./practice";
import { practitioners } from "./practitioner";
import { users } from "./user";

export const appointments = pgTable(
  "appointment",
  {
    ...syncedColumns,
    practiceId: uuid().notNull().references(() => practices.id),
    practitionerId: uuid().notNull().references(() => practitioners.id),
    patientId: uuid().notNull().references(() => patients.id),
    appointmentTypeId: uuid().notNull().references(() => appointmentTypes.id),
    startAt: instant().notNull(),
    endAt: instant().notNull(),
    status: text({ enum: APPOINTMENT_STATUSES }).notNull(),
    cancelReason: text(),
    notes: text(),
    bookedBy: uuid().references(() => users.id),
    channel: text({ enum: BOOKING_CHANNELS }).notNull(),
    createdAt: instant().notNull(),
  },
  (table) => [
    index("appointment_practitioner_start_idx").on(table.practitionerId, table.startAt),
    index("appointment_patient_idx").on(table.patientId),
  ],
);

export const appointmentRow = createSelectSchema(appointments);
