import type Database from "better-sqlite3";
import type { RowStore } from "../../../db/local/rowCodec";

/** What a local mutation is applied with: the recording row store, the store itself, who, and when. */
export interface LocalMutationContext {
  rows: RowStore;
  sqlite: Database.Database;
  userId: string | null;
  now: string;
}
