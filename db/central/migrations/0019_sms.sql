-- The SMS to patients (issue 17): each one planned once by its key, and the appointments whose SMS are to be planned again.
CREATE TABLE "sms" (
	"id" uuid PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"kind" text NOT NULL,
	"practice_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"appointment_id" uuid NOT NULL,
	"appointment_start_at" timestamp with time zone NOT NULL,
	"number" text,
	"send_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"reason" text,
	"text" text,
	"gateway_ref" text,
	"created_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	"delivered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sms_replan" (
	"appointment_id" uuid PRIMARY KEY NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sms" ADD CONSTRAINT "sms_practice_id_practice_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practice"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sms" ADD CONSTRAINT "sms_patient_id_patient_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patient"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sms" ADD CONSTRAINT "sms_appointment_id_appointment_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "public"."appointment"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "sms_key_idx" ON "sms" USING btree ("key");--> statement-breakpoint
CREATE INDEX "sms_appointment_idx" ON "sms" USING btree ("appointment_id");--> statement-breakpoint
CREATE INDEX "sms_due_idx" ON "sms" USING btree ("send_at") WHERE status = 'prevu';--> statement-breakpoint
-- Every booking, move, cancellation or change of patient of an appointment asks for its SMS to be planned
-- again (server/sms/smsPlanner.ts), in the transaction that makes it, whatever wrote it: no way of writing
-- an appointment can forget it. A transaction that sets telesec.no_sms (the seed, the retention purge)
-- writes appointments no patient is to hear of.
CREATE FUNCTION "telesec_sms_replan"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF coalesce(current_setting('telesec.no_sms', true), '') = 'on' THEN
		RETURN NULL;
	END IF;
	IF TG_OP = 'UPDATE' AND NEW."start_at" IS NOT DISTINCT FROM OLD."start_at" AND NEW."status" IS NOT DISTINCT FROM OLD."status"
		AND NEW."deleted_at" IS NOT DISTINCT FROM OLD."deleted_at" AND NEW."patient_id" IS NOT DISTINCT FROM OLD."patient_id" THEN
		RETURN NULL;
	END IF;
	INSERT INTO "sms_replan" ("appointment_id") VALUES (NEW."id") ON CONFLICT DO NOTHING;
	PERFORM pg_notify('telesec_sms', NEW."id"::text);
	RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "appointment_sms_replan" AFTER INSERT OR UPDATE ON "appointment" FOR EACH ROW EXECUTE FUNCTION "telesec_sms_replan"();
