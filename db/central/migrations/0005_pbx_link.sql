-- Telephony intake: the PBXs allowed to report calls (only their secret's SHA-256 is kept), and which
-- call row each PBX call id became, so that an event repeated by a PBX never makes a second row.
CREATE TABLE "pbx_link" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"secret_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "pbx_call" (
	"pbx_link_id" uuid NOT NULL,
	"external_call_id" text NOT NULL,
	"call_id" uuid NOT NULL,
	CONSTRAINT "pbx_call_pbx_link_id_external_call_id_pk" PRIMARY KEY("pbx_link_id","external_call_id")
);
--> statement-breakpoint
ALTER TABLE "pbx_call" ADD CONSTRAINT "pbx_call_pbx_link_id_pbx_link_id_fk" FOREIGN KEY ("pbx_link_id") REFERENCES "public"."pbx_link"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pbx_call" ADD CONSTRAINT "pbx_call_call_id_call_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."call"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "pbx_link_secret_hash_idx" ON "pbx_link" USING btree ("secret_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "pbx_call_call_idx" ON "pbx_call" USING btree ("call_id");