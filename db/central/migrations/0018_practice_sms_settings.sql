-- A practice's SMS settings to its patients (issue 17), set by an administrator; none: the defaults of shared/domain/smsSettings.ts.
CREATE TABLE "practice_sms_settings" (
	"practice_id" uuid PRIMARY KEY NOT NULL,
	"settings" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "practice_sms_settings" ADD CONSTRAINT "practice_sms_settings_practice_id_practice_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practice"("id") ON DELETE no action ON UPDATE no action;