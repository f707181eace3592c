import type Database from "better-sqlite3";

/**
 * The rows of a kind (appointments, messages) a queued, not yet confirmed, mutation of this workstation
 * creates or changes: the screens mark them pending. The outbox holds at most the changes made while
 * offline, so reading it whole is cheap.
 */
export function pendingRowIds(sqlite: Database.Database, kind: "appointment" | "message"): Set<string> {
  const ids = sqlite.prepare("SELECT json_extract(args, '$.id') FROM outbox WHERE name LIKE ?").pluck().all(`${kind}.%`) as string[];
  return new Set(ids);
}
