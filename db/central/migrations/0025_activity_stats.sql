CREATE TABLE "call_duration_stat" (
	"practice_id" uuid NOT NULL,
	"day" date NOT NULL,
	"bucket" smallint NOT NULL,
	"calls" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "call_duration_stat_practice_id_day_bucket_pk" PRIMARY KEY("practice_id","day","bucket")
);
--> statement-breakpoint
CREATE TABLE "call_hour_stat" (
	"practice_id" uuid NOT NULL,
	"day" date NOT NULL,
	"hour" smallint NOT NULL,
	"direction" text NOT NULL,
	"calls" integer DEFAULT 0 NOT NULL,
	"answered" integer DEFAULT 0 NOT NULL,
	"missed" integer DEFAULT 0 NOT NULL,
	"handled" integer DEFAULT 0 NOT NULL,
	"handled_seconds" bigint DEFAULT 0 NOT NULL,
	"rdv_pris" integer DEFAULT 0 NOT NULL,
	"rdv_deplace" integer DEFAULT 0 NOT NULL,
	"rdv_annule" integer DEFAULT 0 NOT NULL,
	"message" integer DEFAULT 0 NOT NULL,
	"transfert" integer DEFAULT 0 NOT NULL,
	"info" integer DEFAULT 0 NOT NULL,
	"urgence_reorientee" integer DEFAULT 0 NOT NULL,
	"reoriente_confrere" integer DEFAULT 0 NOT NULL,
	"autre" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "call_hour_stat_practice_id_day_hour_direction_pk" PRIMARY KEY("practice_id","day","hour","direction")
);
--> statement-breakpoint
CREATE TABLE "practice_day_stat" (
	"practice_id" uuid NOT NULL,
	"day" date NOT NULL,
	"booked" integer DEFAULT 0 NOT NULL,
	"moved" integer DEFAULT 0 NOT NULL,
	"cancelled" integer DEFAULT 0 NOT NULL,
	"no_shows_excused" integer DEFAULT 0 NOT NULL,
	"no_shows_unexcused" integer DEFAULT 0 NOT NULL,
	"messages" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "practice_day_stat_practice_id_day_pk" PRIMARY KEY("practice_id","day")
);
--> statement-breakpoint
ALTER TABLE "call_duration_stat" ADD CONSTRAINT "call_duration_stat_practice_id_practice_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practice"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_hour_stat" ADD CONSTRAINT "call_hour_stat_practice_id_practice_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practice"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_day_stat" ADD CONSTRAINT "practice_day_stat_practice_id_practice_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practice"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- The reports' figures (issue 19), kept by statement triggers in the transaction that writes the rows:
-- each row counts by what it is (its "contribution"); a statement adds its new rows' contributions and
-- takes away its old rows', summed per key and applied in key order (two statements lock the same
-- figures in the same order). A deleted_at changes nothing: a purged call still happened.
CREATE FUNCTION "telesec_call_stat_sql"(source text) RETURNS text LANGUAGE sql IMMUTABLE AS $fn$
SELECT format($sql$
  WITH counted AS (
    SELECT sign, practice_id, direction, outcome, started_at AT TIME ZONE 'Europe/Paris' AS local_start,
      (answered_at IS NOT NULL OR outcome IS NOT NULL) AS answered,
      (ended_at IS NOT NULL AND answered_at IS NULL AND outcome IS NULL) AS missed,
      CASE WHEN ended_at IS NOT NULL AND (answered_at IS NOT NULL OR outcome IS NOT NULL)
        THEN greatest(0, floor(extract(epoch FROM ended_at - coalesce(answered_at, started_at))))::bigint END AS seconds
    FROM (%1$s) AS changed
    WHERE practice_id IS NOT NULL
  ),
  hours AS (
    SELECT practice_id, local_start::date AS day, extract(hour FROM local_start)::smallint AS hour, direction,
      sum(sign) AS calls,
      sum(CASE WHEN answered THEN sign ELSE 0 END) AS answered,
      sum(CASE WHEN missed THEN sign ELSE 0 END) AS missed,
      sum(CASE WHEN seconds IS NOT NULL THEN sign ELSE 0 END) AS handled,
      sum(CASE WHEN seconds IS NOT NULL THEN sign * seconds ELSE 0 END) AS handled_seconds,
      sum(CASE WHEN outcome = 'rdv_pris' THEN sign ELSE 0 END) AS rdv_pris,
      sum(CASE WHEN outcome = 'rdv_deplace' THEN sign ELSE 0 END) AS rdv_deplace,
      sum(CASE WHEN outcome = 'rdv_annule' THEN sign ELSE 0 END) AS rdv_annule,
      sum(CASE WHEN outcome = 'message' THEN sign ELSE 0 END) AS message,
      sum(CASE WHEN outcome = 'transfert' THEN sign ELSE 0 END) AS transfert,
      sum(CASE WHEN outcome = 'info' THEN sign ELSE 0 END) AS info,
      sum(CASE WHEN outcome = 'urgence_reorientee' THEN sign ELSE 0 END) AS urgence_reorientee,
      sum(CASE WHEN outcome = 'reoriente_confrere' THEN sign ELSE 0 END) AS reoriente_confrere,
      sum(CASE WHEN outcome = 'autre' THEN sign ELSE 0 END) AS autre
    FROM counted GROUP BY 1, 2, 3, 4
  ),
  hour_changes AS (
    INSERT INTO call_hour_stat AS s (practice_id, day, hour, direction, calls, answered, missed, handled, handled_seconds,
      rdv_pris, rdv_deplace, rdv_annule, message, transfert, info, urgence_reorientee, reoriente_confrere, autre)
    SELECT * FROM hours
    WHERE (calls, answered, missed, handled, handled_seconds, rdv_pris, rdv_deplace, rdv_annule, message, transfert, info,
      urgence_reorientee, reoriente_confrere, autre) <> (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    ORDER BY 1, 2, 3, 4
    ON CONFLICT (practice_id, day, hour, direction) DO UPDATE SET
      calls = s.calls + excluded.calls, answered = s.answered + excluded.answered, missed = s.missed + excluded.missed,
      handled = s.handled + excluded.handled, handled_seconds = s.handled_seconds + excluded.handled_seconds,
      rdv_pris = s.rdv_pris + excluded.rdv_pris, rdv_deplace = s.rdv_deplace + excluded.rdv_deplace,
      rdv_annule = s.rdv_annule + excluded.rdv_annule, message = s.message + excluded.message,
      transfert = s.transfert + excluded.transfert, info = s.info + excluded.info,
      urgence_reorientee = s.urgence_reorientee + excluded.urgence_reorientee,
      reoriente_confrere = s.reoriente_confrere + excluded.reoriente_confrere, autre = s.autre + excluded.autre
    RETURNING 1
  ),
  durations AS (
    SELECT practice_id, local_start::date AS day, telesec_duration_bucket(seconds) AS bucket, sum(sign) AS calls
    FROM counted WHERE seconds IS NOT NULL AND direction = 'entrant'
    GROUP BY 1, 2, 3
  )
  INSERT INTO call_duration_stat AS s (practice_id, day, bucket, calls)
  SELECT * FROM durations WHERE calls <> 0 ORDER BY 1, 2, 3
  ON CONFLICT (practice_id, day, bucket) DO UPDATE SET calls = s.calls + excluded.calls
$sql$, source)
$fn$;
--> statement-breakpoint
-- A handling time's histogram bucket, by its lower bound in seconds (shared/domain/handlingTime.ts reads them back).
CREATE FUNCTION "telesec_duration_bucket"(seconds bigint) RETURNS smallint LANGUAGE sql IMMUTABLE AS $fn$
SELECT (CASE WHEN seconds < 600 THEN seconds / 10 * 10 WHEN seconds < 1800 THEN seconds / 60 * 60 ELSE 1800 END)::smallint
$fn$;
--> statement-breakpoint
CREATE FUNCTION "telesec_count_calls"() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  EXECUTE telesec_call_stat_sql(CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT 1 AS sign, * FROM new_rows'
    WHEN 'UPDATE' THEN 'SELECT 1 AS sign, * FROM new_rows UNION ALL SELECT -1, * FROM old_rows'
    ELSE 'SELECT -1 AS sign, * FROM old_rows' END);
  RETURN NULL;
END
$fn$;
--> statement-breakpoint
CREATE TRIGGER "call_count_insert" AFTER INSERT ON "call" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "telesec_count_calls"();
--> statement-breakpoint
CREATE TRIGGER "call_count_update" AFTER UPDATE ON "call" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "telesec_count_calls"();
--> statement-breakpoint
CREATE TRIGGER "call_count_delete" AFTER DELETE ON "call" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "telesec_count_calls"();
--> statement-breakpoint
-- A practice day's figures from a set of (practice_id, day, booked, moved, cancelled, no_shows_excused, no_shows_unexcused, messages) deltas.
CREATE FUNCTION "telesec_practice_day_sql"(deltas text) RETURNS text LANGUAGE sql IMMUTABLE AS $fn$
SELECT format($sql$
  INSERT INTO practice_day_stat AS s (practice_id, day, booked, moved, cancelled, no_shows_excused, no_shows_unexcused, messages)
  SELECT practice_id, day, sum(booked), sum(moved), sum(cancelled), sum(no_shows_excused), sum(no_shows_unexcused), sum(messages)
  FROM (%1$s) AS deltas
  WHERE practice_id IS NOT NULL
  GROUP BY 1, 2
  HAVING (sum(booked), sum(moved), sum(cancelled), sum(no_shows_excused), sum(no_shows_unexcused), sum(messages)) <> (0, 0, 0, 0, 0, 0)
  ORDER BY 1, 2
  ON CONFLICT (practice_id, day) DO UPDATE SET
    booked = s.booked + excluded.booked, moved = s.moved + excluded.moved, cancelled = s.cancelled + excluded.cancelled,
    no_shows_excused = s.no_shows_excused + excluded.no_shows_excused,
    no_shows_unexcused = s.no_shows_unexcused + excluded.no_shows_unexcused, messages = s.messages + excluded.messages
$sql$, deltas)
$fn$;
--> statement-breakpoint
-- Booked, moved, cancelled: what the server applied, on the day it did (the audit trail is append-only).
CREATE FUNCTION "telesec_appointment_actions_sql"(source text) RETURNS text LANGUAGE sql IMMUTABLE AS $fn$
SELECT telesec_practice_day_sql(format($sql$
  SELECT practice_id, (at AT TIME ZONE 'Europe/Paris')::date AS day,
    (action = 'appointment.book')::int AS booked, (action = 'appointment.move')::int AS moved,
    (action = 'appointment.cancel')::int AS cancelled, 0 AS no_shows_excused, 0 AS no_shows_unexcused, 0 AS messages
  FROM (%1$s) AS events WHERE action IN ('appointment.book', 'appointment.move', 'appointment.cancel')
$sql$, source))
$fn$;
--> statement-breakpoint
CREATE FUNCTION "telesec_count_appointment_actions"() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  -- Most audit rows are reads and other writes: those cost one look.
  IF EXISTS (SELECT FROM new_rows WHERE action IN ('appointment.book', 'appointment.move', 'appointment.cancel')) THEN
    EXECUTE telesec_appointment_actions_sql('SELECT * FROM new_rows');
  END IF;
  RETURN NULL;
END
$fn$;
--> statement-breakpoint
CREATE TRIGGER "audit_event_count_insert" AFTER INSERT ON "audit_event" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "telesec_count_appointment_actions"();
--> statement-breakpoint
-- No-shows, by the appointment's Paris day and its status now.
CREATE FUNCTION "telesec_no_shows_sql"(source text) RETURNS text LANGUAGE sql IMMUTABLE AS $fn$
SELECT telesec_practice_day_sql(format($sql$
  SELECT practice_id, (start_at AT TIME ZONE 'Europe/Paris')::date AS day, 0 AS booked, 0 AS moved, 0 AS cancelled,
    CASE WHEN status = 'noshow_excused' THEN sign ELSE 0 END AS no_shows_excused,
    CASE WHEN status = 'noshow_unexcused' THEN sign ELSE 0 END AS no_shows_unexcused, 0 AS messages
  FROM (%1$s) AS changed WHERE status IN ('noshow_excused', 'noshow_unexcused')
$sql$, source))
$fn$;
--> statement-breakpoint
CREATE FUNCTION "telesec_count_no_shows"() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  EXECUTE telesec_no_shows_sql(CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT 1 AS sign, * FROM new_rows'
    WHEN 'UPDATE' THEN 'SELECT 1 AS sign, * FROM new_rows UNION ALL SELECT -1, * FROM old_rows'
    ELSE 'SELECT -1 AS sign, * FROM old_rows' END);
  RETURN NULL;
END
$fn$;
--> statement-breakpoint
CREATE TRIGGER "appointment_count_insert" AFTER INSERT ON "appointment" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "telesec_count_no_shows"();
--> statement-breakpoint
CREATE TRIGGER "appointment_count_update" AFTER UPDATE ON "appointment" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "telesec_count_no_shows"();
--> statement-breakpoint
CREATE TRIGGER "appointment_count_delete" AFTER DELETE ON "appointment" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "telesec_count_no_shows"();
--> statement-breakpoint
-- Messages taken, by the Paris day they were.
CREATE FUNCTION "telesec_messages_sql"(source text) RETURNS text LANGUAGE sql IMMUTABLE AS $fn$
SELECT telesec_practice_day_sql(format($sql$
  SELECT practice_id, (created_at AT TIME ZONE 'Europe/Paris')::date AS day, 0 AS booked, 0 AS moved, 0 AS cancelled,
    0 AS no_shows_excused, 0 AS no_shows_unexcused, sign AS messages
  FROM (%1$s) AS changed
$sql$, source))
$fn$;
--> statement-breakpoint
CREATE FUNCTION "telesec_count_messages"() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  EXECUTE telesec_messages_sql(CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT 1 AS sign, * FROM new_rows'
    WHEN 'UPDATE' THEN 'SELECT 1 AS sign, * FROM new_rows UNION ALL SELECT -1, * FROM old_rows'
    ELSE 'SELECT -1 AS sign, * FROM old_rows' END);
  RETURN NULL;
END
$fn$;
--> statement-breakpoint
CREATE TRIGGER "message_count_insert" AFTER INSERT ON "message" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "telesec_count_messages"();
--> statement-breakpoint
CREATE TRIGGER "message_count_update" AFTER UPDATE ON "message" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "telesec_count_messages"();
--> statement-breakpoint
CREATE TRIGGER "message_count_delete" AFTER DELETE ON "message" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "telesec_count_messages"();
--> statement-breakpoint
-- What the central database already holds, counted once.
DO $do$
BEGIN
  EXECUTE telesec_call_stat_sql('SELECT 1 AS sign, * FROM call');
  EXECUTE telesec_appointment_actions_sql('SELECT * FROM audit_event');
  EXECUTE telesec_no_shows_sql('SELECT 1 AS sign, * FROM appointment');
  EXECUTE telesec_messages_sql('SELECT 1 AS sign, * FROM message');
END
$do$;
