import { index, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createSelectSchema } from "drizzle-zod";
import { instant, json, syncedColumns } from "./columns";

/** Who read or wrote what, when, from which device: append-only. */
export const auditEvents = sqliteTable(
  "audit_event",
  {
    ...syncedColumns,
    at: instant().notNull(),
    userId: text(),
    deviceId: text(),
    practiceId: text(),
    action: text().notNull(),
    entity: text().notNull(),
    entityId: text(),
    details: json<Record<string, unknown>>().notNull(),
  },
  (table) => [index("audit_event_at_idx").on(table.at)],
);

export const auditEventRow = createSelectSchema(auditEvents);
