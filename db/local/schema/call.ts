import { index, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createSelectSchema } from "drizzle-zod";
import { CALL_DIRECTIONS, CALL_OUTCOMES } from "../../../shared/domain/enums";
import { callLinks } from "../../../shared/domain/schedules";
import type { z } from "zod";
import { instant, json, syncedColumns } from "./columns";
import { patients } from "./patient";
import { practices } from "./practice";
import { users } from "./user";

/** One telephone call handled by a secretary, from ringing to its outcome. */
export const calls = sqliteTable(
  "call",
  {
    ...syncedColumns,
    practiceId: text().references(() => practices.id),
    externalCallId: text(),
    dialledNumber: text().notNull(),
    callerNumber: text(),
    patientId: text().references(() => patients.id),
    userId: text().references(() => users.id),
    startedAt: instant().notNull(),
    answeredAt: instant(),
    endedAt: instant(),
    outcome: text({ enum: CALL_OUTCOMES }),
    /** Answered, or made by the secretary (a callback): the call log and its statistics tell them apart. */
    direction: text({ enum: CALL_DIRECTIONS }).notNull().default("entrant"),
    notes: text(),
    links: json<z.infer<typeof callLinks>>().notNull(),
  },
  (table) => [
    index("call_practice_started_idx").on(table.practiceId, table.startedAt),
    // The identified caller's previous calls (the call screen's history), newest first.
    index("call_patient_started_idx").on(table.patientId, table.startedAt),
  ],
);

export const callRow = createSelectSchema(calls, { links: callLinks });
