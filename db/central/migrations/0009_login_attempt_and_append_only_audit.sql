CREATE TABLE "login_attempt" (
	"id" uuid PRIMARY KEY NOT NULL,
	"login" text NOT NULL,
	"address" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"failed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "login_attempt_login_failed_idx" ON "login_attempt" USING btree ("login","failed_at");--> statement-breakpoint
CREATE INDEX "login_attempt_address_failed_idx" ON "login_attempt" USING btree ("address","failed_at");--> statement-breakpoint
CREATE INDEX "login_attempt_started_idx" ON "login_attempt" USING btree ("started_at");--> statement-breakpoint
-- The audit trail is append-only: a row once written is never changed nor removed by any statement the
-- server (or a bug in it) sends. The tables' owner — the role the server migrates with — or a superuser can
-- still drop the trigger (docs/deployment.md says what that leaves to the DBA). The login rate limit, which
-- did rewrite its records, now counts in login_attempt.
CREATE FUNCTION "audit_event_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'Le journal d''audit est en ajout seul : % refusé.', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER "audit_event_append_only" BEFORE UPDATE OR DELETE ON "audit_event" FOR EACH ROW EXECUTE FUNCTION "audit_event_refuse_change"();
--> statement-breakpoint
CREATE TRIGGER "audit_event_no_truncate" BEFORE TRUNCATE ON "audit_event" FOR EACH STATEMENT EXECUTE FUNCTION "audit_event_refuse_change"();
