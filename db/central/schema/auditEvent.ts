import { index, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { createSelectSchema } from "drizzle-zod";
import { instant, json, syncedColumns } from "./columns";

/** Who read or wrote what, when, from which device: append-only. */
export const auditEvents = pgTable(
  "audit_event",
  {
    ...syncedColumns,
    at: instant().notNull(),
    userId: uuid(),
    deviceId: uuid(),
    practiceId: uuid(),
    action: text().notNull(),
    entity: text().notNull(),
    entityId: uuid(),
    details: json<Record<string, unknown>>().notNull(),
  },
  (table) => [index("audit_event_at_idx").on(table.at)],
);

export const auditEventRow = createSelectSchema(auditEvents);
