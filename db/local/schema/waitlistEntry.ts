import { index, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createSelectSchema } from "drizzle-zod";
import { z } from "zod";
import { preferredWindows, waitlistOffer, type WaitlistOffer, type WeeklyWindow } from "../../../shared/domain/schedules";
import { instant, json, syncedColumns } from "./columns";
import { appointmentTypes } from "./appointmentType";
import { patients } from "./patient";
import { practices } from "./practice";
import { users } from "./user";

/** A patient waiting for an earlier slot of a motif with one of some practitioners. */
export const waitlistEntries = sqliteTable(
  "waitlist_entry",
  {
    ...syncedColumns,
    practiceId: text().notNull().references(() => practices.id),
    patientId: text().notNull().references(() => patients.id),
    appointmentTypeId: text().notNull().references(() => appointmentTypes.id),
    practitionerIds: json<string[]>().notNull(),
    preferredWindows: json<WeeklyWindow[]>().notNull(),
    notes: text(),
    createdBy: text().references(() => users.id),
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
