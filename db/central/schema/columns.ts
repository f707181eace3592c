import { bigint, jsonb, timestamp, uuid } from "drizzle-orm/pg-core";

/** The same synced columns as the local store; `version` is the server's change sequence. */
export const syncedColumns = {
  id: uuid().primaryKey(),
  version: bigint({ mode: "number" }).notNull().default(0),
  deletedAt: timestamp({ withTimezone: true }),
};

export const instant = () => timestamp({ withTimezone: true });
export const json = <T>() => jsonb().$type<T>();
