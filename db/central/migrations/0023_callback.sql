CREATE TABLE "callback" (
	"id" uuid PRIMARY KEY NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL,
	"deleted_at" timestamp with time zone,
	"practice_id" uuid NOT NULL,
	"patient_id" uuid,
	"caller_name" text NOT NULL,
	"number" text,
	"kind" text NOT NULL,
	"source_id" uuid,
	"reason" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"owner_id" uuid,
	"taken_at" timestamp with time zone,
	"attempts" jsonb NOT NULL,
	"notes" text,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" uuid
);
--> statement-breakpoint
ALTER TABLE "practice" ADD COLUMN "callback_delays" jsonb;--> statement-breakpoint
ALTER TABLE "callback" ADD CONSTRAINT "callback_practice_id_practice_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practice"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callback" ADD CONSTRAINT "callback_patient_id_patient_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patient"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callback" ADD CONSTRAINT "callback_owner_id_user_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callback" ADD CONSTRAINT "callback_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callback" ADD CONSTRAINT "callback_closed_by_user_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "callback_practice_due_idx" ON "callback" USING btree ("practice_id","due_at");--> statement-breakpoint
CREATE TRIGGER "callback_stamp_version" BEFORE INSERT OR UPDATE ON "callback" FOR EACH ROW EXECUTE FUNCTION "telesec_stamp_version"();
--> statement-breakpoint
CREATE INDEX "callback_version_idx" ON "callback" ("version", "id");
--> statement-breakpoint
-- The queue shows the callbacks still open; the statistics read all of a period's.
CREATE INDEX "callback_open_idx" ON "callback" ("practice_id", "due_at") WHERE "status" IN ('a_faire', 'en_cours') AND "deleted_at" IS NULL;
--> statement-breakpoint
-- A source dealt with otherwise closes its waiting callbacks (callbackRecords.ts closeCallbacksOf), inside pushes.
CREATE INDEX "callback_source_idx" ON "callback" ("source_id") WHERE "status" = 'a_faire';
