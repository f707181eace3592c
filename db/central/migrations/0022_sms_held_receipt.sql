-- Receipts that come before their SMS is recorded as sent (issue 17): held, then applied by the sending transaction.
CREATE TABLE "sms_held_receipt" (
	"id" uuid PRIMARY KEY NOT NULL,
	"gateway_ref" text NOT NULL,
	"status" text NOT NULL,
	"reason" text,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "sms_held_receipt_ref_idx" ON "sms_held_receipt" USING btree ("gateway_ref");