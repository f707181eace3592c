CREATE TABLE "billing_contract" (
	"id" uuid PRIMARY KEY NOT NULL,
	"practice_id" uuid NOT NULL,
	"effective_from" date NOT NULL,
	"pricing" text NOT NULL,
	"price_per_call_cents" integer,
	"monthly_fee_cents" integer,
	"included_calls" integer,
	"extra_call_cents" integer,
	"out_of_hours_cents" integer DEFAULT 0 NOT NULL,
	"on_call_monthly_cents" integer DEFAULT 0 NOT NULL,
	"billable_outcomes" jsonb NOT NULL,
	"vat_rate_bp" smallint NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	CONSTRAINT "billing_contract_practice_from_key" UNIQUE("practice_id","effective_from")
);
--> statement-breakpoint
CREATE TABLE "billing_counter" (
	"year" smallint PRIMARY KEY NOT NULL,
	"last" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "billing_issuer" (
	"id" smallint PRIMARY KEY NOT NULL,
	"details" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "billing_statement" (
	"id" uuid PRIMARY KEY NOT NULL,
	"practice_id" uuid NOT NULL,
	"month" date NOT NULL,
	"number" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"issued_by" uuid,
	"contract_id" uuid NOT NULL,
	"practice_name" text NOT NULL,
	"practice_address" text NOT NULL,
	"issuer" jsonb NOT NULL,
	"lines" jsonb NOT NULL,
	"billable_calls" integer NOT NULL,
	"out_of_hours_calls" integer NOT NULL,
	"month_amount_cents" bigint NOT NULL,
	"total_ht_cents" bigint NOT NULL,
	"vat_rate_bp" smallint NOT NULL,
	"vat_cents" bigint NOT NULL,
	"total_ttc_cents" bigint NOT NULL,
	CONSTRAINT "billing_statement_number_unique" UNIQUE("number"),
	CONSTRAINT "billing_statement_practice_month_key" UNIQUE("practice_id","month")
);
--> statement-breakpoint
ALTER TABLE "billing_contract" ADD CONSTRAINT "billing_contract_practice_id_practice_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practice"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_contract" ADD CONSTRAINT "billing_contract_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_statement" ADD CONSTRAINT "billing_statement_practice_id_practice_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practice"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_statement" ADD CONSTRAINT "billing_statement_issued_by_user_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_statement" ADD CONSTRAINT "billing_statement_contract_id_billing_contract_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."billing_contract"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- An issued statement is never changed nor removed: a correction goes into a later one (issue 19).
CREATE FUNCTION "telesec_refuse_statement_change"() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  RAISE EXCEPTION 'Un relevé émis ne se modifie pas : % refusé.', TG_OP USING ERRCODE = 'TS002';
END
$fn$;
--> statement-breakpoint
CREATE TRIGGER "billing_statement_issued" BEFORE UPDATE OR DELETE ON "billing_statement" FOR EACH ROW EXECUTE FUNCTION "telesec_refuse_statement_change"();
--> statement-breakpoint
CREATE TRIGGER "billing_statement_truncate" BEFORE TRUNCATE ON "billing_statement" FOR EACH STATEMENT EXECUTE FUNCTION "telesec_refuse_statement_change"();
