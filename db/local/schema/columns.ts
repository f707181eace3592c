import { integer, text } from "drizzle-orm/sqlite-core";

/**
 * Columns every synced row carries: a client-generatable UUID, the server change sequence that
 * last touched it (0 while only local) and a tombstone, so deletions sync like any change.
 */
export const syncedColumns = {
  id: text().primaryKey(),
  version: integer().notNull().default(0),
  deletedAt: integer({ mode: "timestamp_ms" }),
};

export const instant = () => integer({ mode: "timestamp_ms" });
export const json = <T>() => text({ mode: "json" }).$type<T>();
