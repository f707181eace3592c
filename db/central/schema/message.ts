import { index, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { createSelectSchema } from "drizzle-zod";
import { MESSAGE_CATEGORIES, MESSAGE_STATUSES, MESSAGE_URGENCIES } from "../../../shared/domain/enums";
import { instant, syncedColumns } from "./columns";
import { patients } from "./patient";
import { practices } from "./practice";
import { practitioners } from "./practitioner";
import { users } from "./user";

/** A message taken for a practitioner: who called, how to call back, what about. */
export const messages = pgTable(
  "message",
  {
    ...syncedColumns,
    practiceId: uuid().notNull().references(() => practices.id),
    practitionerId: uuid().references(() => practitioners.id),
    patientId: uuid().references(() => patients.id),
    callId: uuid(),
    callerName: text().notNull(),
    callbackNumber: text(),
    category: text({ enum: MESSAGE_CATEGORIES }).notNull(),
    urgency: text({ enum: MESSAGE_URGENCIES }).notNull(),
    text: text().notNull(),
    status: text({ enum: MESSAGE_STATUSES }).notNull(),
    createdBy: uuid().references(() => users.id),
    createdAt: instant().notNull(),
  },
  (table) => [index("message_practice_created_idx").on(table.practiceId, table.createdAt)],
);

export const messageRow = createSelectSchema(messages);
