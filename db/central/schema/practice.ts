import { boolean, index, pgTable, smallint, text } from "drizzle-orm/pg-core";
import { createSelectSchema } from "drizzle-zod";
import { PRACTICE_KINDS } from "../../../shared/domain/enums";
import { callbackDelays, type CallbackDelays } from "../../../shared/domain/callbacks";
import { coverageSchedule, greetings, onCall, postalAddress, referrals, type CoverageSchedule, type Greetings, type OnCall, type PostalAddress } from "../../../shared/domain/schedules";
import type { z } from "zod";
import { json, syncedColumns } from "./columns";

export const practices = pgTable(
  "practice",
  {
    ...syncedColumns,
    name: text().notNull(),
    kind: text({ enum: PRACTICE_KINDS }).notNull(),
    address: json<PostalAddress>().notNull(),
    phone: text(),
    email: text(),
    greetings: json<Greetings>().notNull(),
    coverageSchedule: json<CoverageSchedule>().notNull(),
    accessNotes: text().notNull().default(""),
    referrals: json<z.infer<typeof referrals>>().notNull(),
    /** Who takes the patients when the practice is closed; null: nobody set. */
    onCall: json<OnCall>(),
    /** How soon each kind of callback is due (issue 18); null, or a kind not named: the agency's defaults. */
    callbackDelays: json<CallbackDelays>(),
    active: boolean().notNull().default(true),
    /** Central only: the Paris hour (0–23) of the day's summary e-mailed to the practice's doctors; null: none. */
    daySummaryHour: smallint(),
  },
  (table) => [index("practice_name_idx").on(table.name)],
);

export const practiceRow = createSelectSchema(practices, {
  address: postalAddress,
  greetings,
  coverageSchedule,
  referrals,
  onCall: onCall.nullable(),
  callbackDelays: callbackDelays.nullable(),
}).omit({ daySummaryHour: true });
