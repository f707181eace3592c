import { index, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { createSelectSchema } from "drizzle-zod";
import { z } from "zod";
import { preferredWindows, waitlistOffer, type WaitlistOffer, type WeeklyWindow } from "../../../shared/domain/schedules";
import { instant, json, syncedColumns } from "./columns";
import { appointmentTypes } from "./appointmentType";
import { patients } from "./patient";
import { practices } from "./practice";
import { users } from "./user";

/** A patient waiting for an earlier slot of a motif with one of some practitioners. */
export const waitlistEntries = pgTable(
  "waitlist_entry",
  {
    ...syncedColumns,
    practiceId: uuid().notNull().references(() => practices.id),
    patientId: uuid().notNull().references(() => patients.id),
    appointmentTypeId: uuid().notNull().references(() => appointmentTypes.id),
    practitionerIds: json<string[]>().notNull(),
    preferredWindows: json<WeeklyWindow[]>().notNull(),
    notes: text(),
    createdBy: uuid().references(() => users.id),
    createdAt: instant().notNull(),
    /** The freed slot the server currently offers this patient, until booked or declined (null: none). */
    offeredSlot: json<WaitlistOffer>(),
  },
  (table) => [index("waitlist_practice_idx").on(table.practiceId)],
);

export const waitlistEntryRow = createSelectSchema(waitlistEntries, {
  practitionerIds: z.array(z.string().uuid()),
  preferredWindows,
  offeredSlot: waitlistOffer.nullable(),
});
