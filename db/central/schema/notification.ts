import { sql } from "drizzle-orm";
import { index, integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { NOTIFICATION_KINDS } from "../../../shared/domain/enums";
import { instant, json } from "./columns";
import { messages } from "./message";
import { practices } from "./practice";
import { users } from "./user";

/** What a digest or a day's summary counts, fixed when it is owed: a retry sends the same mail. Counts only. */
export interface NoticeCounts {
  messages?: number;
  urgent?: number;
  calls?: number;
  booked?: number;
  moved?: number;
  cancelled?: number;
}

/**
 * A notice owed to a practitioner's account (server/notifications). An urgent message's is written by
 * PostgreSQL itself in the transaction that inserts the message (trigger of migration 0016), so no way of
 * writing a message can forget it, at most one per message and account. A digest of the messages and a
 * practice's day summary are owed at their hour (`slot`), at most one per account, practice and slot,
 * whichever server process owes it first. Sent once: `sentAt` is set in the transaction that holds the
 * row while the mail goes out. Central only.
 */
export const notifications = pgTable(
  "notification",
  {
    id: uuid().primaryKey(),
    kind: text({ enum: NOTIFICATION_KINDS }).notNull(),
    userId: uuid().notNull().references(() => users.id),
    messageId: uuid().references(() => messages.id),
    /** A day summary's practice. */
    practiceId: uuid().references(() => practices.id),
    /** The digest's or summary's hour, as an instant. */
    slot: instant(),
    counts: json<NoticeCounts>(),
    createdAt: instant().notNull(),
    sentAt: instant(),
    /** Given up after the queue's last retry: the administrator sees it. */
    failedAt: instant(),
    attempts: integer().notNull().default(0),
    /** The last SMTP error (the server's answer, never the mail's content). */
    lastError: text(),
  },
  (table) => [
    uniqueIndex("notification_once_idx").on(table.kind, table.messageId, table.userId),
    uniqueIndex("notification_digest_once_idx").on(table.userId, table.slot).where(sql`kind = 'message_digest'`),
    uniqueIndex("notification_summary_once_idx").on(table.userId, table.practiceId, table.slot).where(sql`kind = 'day_summary'`),
    index("notification_user_idx").on(table.userId),
  ],
);
