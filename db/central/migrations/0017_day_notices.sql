-- The doctors' e-mail digests and the practices' day summaries (server/notifications): the hours chosen, central only,
-- and the notices they owe, one per account, practice and hour whichever server process owes it first.
ALTER TABLE "practice" ADD COLUMN "day_summary_hour" smallint;--> statement-breakpoint
ALTER TABLE "user" ADD COLUMN "digest_hours" jsonb DEFAULT '[12,18]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "notification" ADD COLUMN "practice_id" uuid;--> statement-breakpoint
ALTER TABLE "notification" ADD COLUMN "slot" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "notification" ADD COLUMN "counts" jsonb;--> statement-breakpoint
ALTER TABLE "notification" ADD CONSTRAINT "notification_practice_id_practice_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practice"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "notification_digest_once_idx" ON "notification" USING btree ("user_id","slot") WHERE kind = 'message_digest';--> statement-breakpoint
CREATE UNIQUE INDEX "notification_summary_once_idx" ON "notification" USING btree ("user_id","practice_id","slot") WHERE kind = 'day_summary';