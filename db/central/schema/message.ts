import { index, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { createSelectSchema } from "drizzle-zod";
import { MESSAGE_CATEGORIES, MESSAGE_STATUSES, MESSAGE_URGENCIES } from "../../../shared/domain/enums";
import { instant, json, syncedColumns } from "./columns";
import { agreementAnswer, agreementRequest, type AgreementAnswer, type AgreementRequest } from "../../../shared/domain/doctorAgreement";
import { doctorReading, type DoctorReading } from "../../../shared/domain/doctorReading";
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
    /** A request for the practitioner's agreement to see a new patient: the wanted motif and slot; null for other messages. */
    request: json<AgreementRequest>(),
    /** The practitioner's answer to that request, once recorded. */
    answer: json<AgreementAnswer>(),
    /** What the doctor did with it on the portal: read when, by whom, treated when, their reply; null until opened. */
    reading: json<DoctorReading>(),
  },
  (table) => [index("message_practice_created_idx").on(table.practiceId, table.createdAt)],
);

export const messageRow = createSelectSchema(messages, {
  request: agreementRequest.nullable(),
  answer: agreementAnswer.nullable(),
  reading: doctorReading.nullable(),
});
