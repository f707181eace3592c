-- Every synced row's version is the id of the transaction that last wrote it. A pull only returns
-- rows written by transactions older than the oldest one still running (pg_snapshot_xmin), so a
-- transaction that commits late can never slip behind a client's cursor, and writers never queue on
-- a shared counter. The trigger stamps it whoever writes: mutations, admin tools, the seed.
CREATE FUNCTION "telesec_stamp_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	NEW."version" := pg_current_xact_id()::text::bigint;
	RETURN NEW;
END
$$;
--> statement-breakpoint
-- Versions come from transaction ids now; the sequence of 0001 was never used.
DROP SEQUENCE IF EXISTS "change_seq";
--> statement-breakpoint
CREATE TRIGGER "practice_stamp_version" BEFORE INSERT OR UPDATE ON "practice" FOR EACH ROW EXECUTE FUNCTION "telesec_stamp_version"();
--> statement-breakpoint
CREATE INDEX "practice_version_idx" ON "practice" ("version", "id");
--> statement-breakpoint
CREATE TRIGGER "dialled_number_stamp_version" BEFORE INSERT OR UPDATE ON "dialled_number" FOR EACH ROW EXECUTE FUNCTION "telesec_stamp_version"();
--> statement-breakpoint
CREATE INDEX "dialled_number_version_idx" ON "dialled_number" ("version", "id");
--> statement-breakpoint
CREATE TRIGGER "practitioner_stamp_version" BEFORE INSERT OR UPDATE ON "practitioner" FOR EACH ROW EXECUTE FUNCTION "telesec_stamp_version"();
--> statement-breakpoint
CREATE INDEX "practitioner_version_idx" ON "practitioner" ("version", "id");
--> statement-breakpoint
CREATE TRIGGER "appointment_type_stamp_version" BEFORE INSERT OR UPDATE ON "appointment_type" FOR EACH ROW EXECUTE FUNCTION "telesec_stamp_version"();
--> statement-breakpoint
CREATE INDEX "appointment_type_version_idx" ON "appointment_type" ("version", "id");
--> statement-breakpoint
CREATE TRIGGER "directive_stamp_version" BEFORE INSERT OR UPDATE ON "directive" FOR EACH ROW EXECUTE FUNCTION "telesec_stamp_version"();
--> statement-breakpoint
CREATE INDEX "directive_version_idx" ON "directive" ("version", "id");
--> statement-breakpoint
CREATE TRIGGER "patient_stamp_version" BEFORE INSERT OR UPDATE ON "patient" FOR EACH ROW EXECUTE FUNCTION "telesec_stamp_version"();
--> statement-breakpoint
CREATE INDEX "patient_version_idx" ON "patient" ("version", "id");
--> statement-breakpoint
CREATE TRIGGER "appointment_stamp_version" BEFORE INSERT OR UPDATE ON "appointment" FOR EACH ROW EXECUTE FUNCTION "telesec_stamp_version"();
--> statement-breakpoint
CREATE INDEX "appointment_version_idx" ON "appointment" ("version", "id");
--> statement-breakpoint
CREATE TRIGGER "waitlist_entry_stamp_version" BEFORE INSERT OR UPDATE ON "waitlist_entry" FOR EACH ROW EXECUTE FUNCTION "telesec_stamp_version"();
--> statement-breakpoint
CREATE INDEX "waitlist_entry_version_idx" ON "waitlist_entry" ("version", "id");
--> statement-breakpoint
CREATE TRIGGER "message_stamp_version" BEFORE INSERT OR UPDATE ON "message" FOR EACH ROW EXECUTE FUNCTION "telesec_stamp_version"();
--> statement-breakpoint
CREATE INDEX "message_version_idx" ON "message" ("version", "id");
--> statement-breakpoint
CREATE TRIGGER "call_stamp_version" BEFORE INSERT OR UPDATE ON "call" FOR EACH ROW EXECUTE FUNCTION "telesec_stamp_version"();
--> statement-breakpoint
CREATE INDEX "call_version_idx" ON "call" ("version", "id");
--> statement-breakpoint
CREATE TRIGGER "user_stamp_version" BEFORE INSERT OR UPDATE ON "user" FOR EACH ROW EXECUTE FUNCTION "telesec_stamp_version"();
--> statement-breakpoint
CREATE INDEX "user_version_idx" ON "user" ("version", "id");
--> statement-breakpoint
CREATE TRIGGER "device_stamp_version" BEFORE INSERT OR UPDATE ON "device" FOR EACH ROW EXECUTE FUNCTION "telesec_stamp_version"();
--> statement-breakpoint
CREATE INDEX "device_version_idx" ON "device" ("version", "id");
--> statement-breakpoint
CREATE TRIGGER "audit_event_stamp_version" BEFORE INSERT OR UPDATE ON "audit_event" FOR EACH ROW EXECUTE FUNCTION "telesec_stamp_version"();
--> statement-breakpoint
CREATE INDEX "audit_event_version_idx" ON "audit_event" ("version", "id");
