-- Practices whose reminders are to be planned again as a whole (issue 17), and the receipts' way to an SMS: the gateway's id.
CREATE TABLE "sms_practice_replan" (
	"practice_id" uuid PRIMARY KEY NOT NULL,
	"asked_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "sms_gateway_ref_idx" ON "sms" USING btree ("gateway_ref") WHERE gateway_ref IS NOT NULL;--> statement-breakpoint
-- Every change of a practice's SMS settings asks for its reminders to be planned again (server/sms/reminderPlan.ts),
-- in the transaction that makes it: turning reminders on gives the appointments already booked theirs.
CREATE FUNCTION "telesec_sms_practice_replan"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO "sms_practice_replan" ("practice_id", "asked_at") VALUES (NEW."practice_id", NEW."updated_at")
		ON CONFLICT ("practice_id") DO UPDATE SET "asked_at" = EXCLUDED."asked_at";
	PERFORM pg_notify('telesec_sms', NEW."practice_id"::text);
	RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "practice_sms_settings_replan" AFTER INSERT OR UPDATE ON "practice_sms_settings" FOR EACH ROW EXECUTE FUNCTION "telesec_sms_practice_replan"();
