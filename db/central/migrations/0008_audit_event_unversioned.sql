-- The audit trail is never pulled by workstations (server/sync/syncedTables.ts): its rows need no change
-- version. Every applied mutation now writes one (server/sync/auditTrail.ts), so the trigger and the index
-- that kept versions were paid on every push for nothing.
DROP TRIGGER IF EXISTS "audit_event_stamp_version" ON "audit_event";
--> statement-breakpoint
DROP INDEX IF EXISTS "audit_event_version_idx";
