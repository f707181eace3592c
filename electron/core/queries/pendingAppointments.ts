import type Database from "better-sqlite3";

/**
 * The appointments a queued (not yet confirmed) mutation of this workstation books or changes: the
 * agenda marks them pending. The outbox holds at most the changes made while offline, so reading it
 * whole is cheap.
 */
export function pendingAppointmentIds(sqlite: Database.Database): Set<string> {
  const ids = sqlite.prepare("SELECT json_extract(args, '$.id') FROM outbox WHERE name LIKE 'appointment.%'").pluck().all() as string[];
  return new Set(ids);
}
