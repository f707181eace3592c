-- Invariants PostgreSQL enforces itself, whatever a client skipped: no two booked appointments
-- of one practitioner overlap, and an appointment ends after it starts.
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
ALTER TABLE "appointment" ADD CONSTRAINT "appointment_ends_after_start" CHECK ("end_at" > "start_at");
--> statement-breakpoint
ALTER TABLE "appointment" ADD CONSTRAINT "appointment_no_double_booking"
	EXCLUDE USING gist ("practitioner_id" WITH =, tstzrange("start_at", "end_at") WITH &&)
	WHERE ("status" = 'booked' AND "deleted_at" IS NULL);
--> statement-breakpoint
-- One sequence numbers every change the server commits; a row's version is the value it got.
CREATE SEQUENCE IF NOT EXISTS "change_seq" AS bigint;
