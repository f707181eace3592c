import { sql } from "drizzle-orm";
import { index, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createSelectSchema } from "drizzle-zod";
import { CALLBACK_KINDS, CALLBACK_STATUSES } from "../../../shared/domain/enums";
import { callbackAttempts, type CallbackAttempt } from "../../../shared/domain/callbacks";
import { instant, json, syncedColumns } from "./columns";
import { patients } from "./patient";
import { practices } from "./practice";
import { users } from "./user";

/** Someone to call back (issue 18): who, at what number, why, by when, who is on it and what each try gave. */
export const callbacks = sqliteTable(
  "callback",
  {
    ...syncedColumns,
    practiceId: text().notNull().references(() => practices.id),
    /** Null for an unknown caller: `callerName` and `number` are then all there is. */
    patientId: text().references(() => patients.id),
    callerName: text().notNull(),
    /** E.164; null when nobody left a number (the patient's card may have one by the time it is called). */
    number: text(),
    kind: text({ enum: CALLBACK_KINDS }).notNull(),
    /** The row it came from: the message, waitlist entry, appointment, SMS or call (no foreign key: of several tables). */
    sourceId: text(),
    reason: text().notNull(),
    dueAt: instant().notNull(),
    status: text({ enum: CALLBACK_STATUSES }).notNull(),
    /** Who took it, while « en cours »: the server lets one secretary at a time hold it. */
    ownerId: text().references(() => users.id),
    takenAt: instant(),
    attempts: json<CallbackAttempt[]>().notNull(),
    notes: text(),
    createdBy: text().references(() => users.id),
    createdAt: instant().notNull(),
    closedAt: instant(),
    closedBy: text().references(() => users.id),
  },
  (table) => [
    index("callback_practice_due_idx").on(table.practiceId, table.dueAt),
    // The queue and the header's count read the open ones only, however many closed ones the years leave.
    index("callback_open_idx").on(table.dueAt).where(sql`status IN ('a_faire', 'en_cours') AND deleted_at IS NULL`),
  ],
);

export const callbackRow = createSelectSchema(callbacks, { attempts: callbackAttempts });
