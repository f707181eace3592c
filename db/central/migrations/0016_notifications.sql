CREATE TABLE "notification" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"user_id" uuid NOT NULL,
	"message_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	"failed_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text
);
--> statement-breakpoint
ALTER TABLE "user" ADD COLUMN "email" text;--> statement-breakpoint
ALTER TABLE "notification" ADD CONSTRAINT "notification_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification" ADD CONSTRAINT "notification_message_id_message_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."message"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "notification_once_idx" ON "notification" USING btree ("kind","message_id","user_id");--> statement-breakpoint
CREATE INDEX "notification_user_idx" ON "notification" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "notification_pending_idx" ON "notification" ("created_at") WHERE "sent_at" IS NULL AND "failed_at" IS NULL;--> statement-breakpoint
-- An urgent message for a practitioner owes a notice to each of its accounts that has an e-mail address:
-- written here, in the transaction that inserts the message, whatever wrote it (a push, one row or many).
-- The server's notification queue hears of it at once (pg_notify, delivered at commit) and sends it once.
-- A transaction that sets telesec.no_notice writes messages for the secretaries only (the patients to call
-- back when an absence covers their appointments): the doctor who declared the absence is not told of them.
CREATE FUNCTION "telesec_owe_urgent_notice"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF NEW."urgency" = 'urgente' AND NEW."practitioner_id" IS NOT NULL AND NEW."deleted_at" IS NULL
		AND coalesce(current_setting('telesec.no_notice', true), '') <> 'on' THEN
		INSERT INTO "notification" ("id", "kind", "user_id", "message_id", "created_at")
		SELECT gen_random_uuid(), 'urgent_message', u."id", NEW."id", NEW."created_at"
		FROM "user" u
		WHERE u."role" = 'practitioner' AND u."deleted_at" IS NULL AND u."email" IS NOT NULL
			AND u."practitioner_ids" @> jsonb_build_array(NEW."practitioner_id"::text)
		ON CONFLICT DO NOTHING;
		IF FOUND THEN
			PERFORM pg_notify('telesec_notifications', NEW."id"::text);
		END IF;
	END IF;
	RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "message_owe_urgent_notice" AFTER INSERT ON "message" FOR EACH ROW EXECUTE FUNCTION "telesec_owe_urgent_notice"();
