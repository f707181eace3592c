import { index, integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { instant } from "./columns";
import { messages } from "./message";
import { users } from "./user";

export const NOTIFICATION_KINDS = ["urgent_message"] as const;

/**
 * A notice owed to a practitioner's account (server/notifications): written by PostgreSQL itself in the
 * transaction that inserts an urgent message for one of its practitioners (trigger of migration 0016),
 * so no way of writing a message can forget it, and at most one per message and account. Sent once:
 * `sentAt` is set in the transaction that holds the row while the mail goes out. Central only.
 */
export const notifications = pgTable(
  "notification",
  {
    id: uuid().primaryKey(),
    kind: text({ enum: NOTIFICATION_KINDS }).notNull(),
    userId: uuid().notNull().references(() => users.id),
    messageId: uuid().references(() => messages.id),
    createdAt: instant().notNull(),
    sentAt: instant(),
    /** Given up after the queue's last retry: the administrator sees it. */
    failedAt: instant(),
    attempts: integer().notNull().default(0),
    /** The last SMTP error (the server's answer, never the mail's content). */
    lastError: text(),
  },
  (table) => [uniqueIndex("notification_once_idx").on(table.kind, table.messageId, table.userId), index("notification_user_idx").on(table.userId)],
);
