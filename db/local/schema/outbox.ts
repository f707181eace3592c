import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { instant, json } from "./columns";

/**
 * Local only. Mutations applied optimistically and not yet confirmed by the server, in the order
 * they must be pushed; written in the same transaction as the local change they describe.
 */
export const outbox = sqliteTable("outbox", {
  seq: integer().primaryKey(),
  mutationId: text().notNull().unique(),
  name: text().notNull(),
  args: json<unknown>().notNull(),
  createdAt: instant().notNull(),
  /**
   * The rows as they were before this mutation was applied locally (table, id, raw row or null
   * when it did not exist), so a pull or a rejection can take the optimistic change back exactly.
   */
  undo: json<Array<{ table: string; id: string; before: Record<string, unknown> | null }>>().notNull().default([]),
});

/** Local only. Mutations the server refused, kept with its reason until the secretary clears them. */
export const conflicts = sqliteTable("conflict", {
  id: text().primaryKey(),
  seq: integer().notNull(),
  name: text().notNull(),
  args: json<unknown>().notNull(),
  errorCode: text().notNull(),
  errorMessage: text().notNull(),
  rejectedAt: instant().notNull(),
  clearedAt: instant(),
});

/** Local only. Small facts about this replica: client id, pull cursor, last sync. */
export const syncState = sqliteTable("sync_state", {
  key: text().primaryKey(),
  value: text().notNull(),
});
