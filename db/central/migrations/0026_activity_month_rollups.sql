CREATE TABLE "call_day_stat" (
	"practice_id" uuid NOT NULL,
	"day" date NOT NULL,
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
	CONSTRAINT "call_day_stat_practice_id_day_direction_pk" PRIMARY KEY("practice_id","day","direction")
);
--> statement-breakpoint
CREATE TABLE "call_duration_month_stat" (
	"practice_id" uuid NOT NULL,
	"month" date NOT NULL,
	"bucket" smallint NOT NULL,
	"calls" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "call_duration_month_stat_practice_id_month_bucket_pk" PRIMARY KEY("practice_id","month","bucket")
);
--> statement-breakpoint
CREATE TABLE "call_load_month_stat" (
	"practice_id" uuid NOT NULL,
	"month" date NOT NULL,
	"weekday" smallint NOT NULL,
	"hour" smallint NOT NULL,
	"calls" integer DEFAULT 0 NOT NULL,
	"answered" integer DEFAULT 0 NOT NULL,
	"missed" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "call_load_month_stat_practice_id_month_weekday_hour_pk" PRIMARY KEY("practice_id","month","weekday","hour")
);
--> statement-breakpoint
ALTER TABLE "call_day_stat" ADD CONSTRAINT "call_day_stat_practice_id_practice_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practice"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_duration_month_stat" ADD CONSTRAINT "call_duration_month_stat_practice_id_practice_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practice"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_load_month_stat" ADD CONSTRAINT "call_load_month_stat_practice_id_practice_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practice"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Month roll-ups and a day table (issue 19's agency-year budget): a long period reads its whole months from
-- these and only its edge days from the day figures; totals and days read call_day_stat, not the hours.
-- The change a statement made to the calls, as rows of what counts (the transition tables are read by one
-- small dynamic statement; the rest is planned once per connection).
CREATE TYPE "telesec_call_delta" AS (sign integer, practice_id uuid, direction text, outcome text, started_at timestamptz, answered_at timestamptz, ended_at timestamptz);
--> statement-breakpoint
CREATE FUNCTION "telesec_add_call_deltas"(deltas telesec_call_delta[]) RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN

  WITH counted AS (
    SELECT sign, practice_id, direction, outcome, started_at AT TIME ZONE 'Europe/Paris' AS local_start,
      (answered_at IS NOT NULL OR outcome IS NOT NULL) AS answered,
      (ended_at IS NOT NULL AND answered_at IS NULL AND outcome IS NULL) AS missed,
      CASE WHEN ended_at IS NOT NULL AND (answered_at IS NOT NULL OR outcome IS NOT NULL)
        THEN greatest(0, floor(extract(epoch FROM ended_at - coalesce(answered_at, started_at))))::bigint END AS seconds
    FROM unnest(deltas) AS changed
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
  changed_hours AS (
    SELECT * FROM hours
    WHERE (calls, answered, missed, handled, handled_seconds, rdv_pris, rdv_deplace, rdv_annule, message, transfert, info,
      urgence_reorientee, reoriente_confrere, autre) <> (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
  ),
  hour_changes AS (
    INSERT INTO call_hour_stat AS s (practice_id, day, hour, direction, calls, answered, missed, handled, handled_seconds,
      rdv_pris, rdv_deplace, rdv_annule, message, transfert, info, urgence_reorientee, reoriente_confrere, autre)
    SELECT * FROM changed_hours ORDER BY 1, 2, 3, 4
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
  day_changes AS (
    INSERT INTO call_day_stat AS s (practice_id, day, direction, calls, answered, missed, handled, handled_seconds,
      rdv_pris, rdv_deplace, rdv_annule, message, transfert, info, urgence_reorientee, reoriente_confrere, autre)
    SELECT practice_id, day, direction, sum(calls), sum(answered), sum(missed), sum(handled), sum(handled_seconds),
      sum(rdv_pris), sum(rdv_deplace), sum(rdv_annule), sum(message), sum(transfert), sum(info), sum(urgence_reorientee),
      sum(reoriente_confrere), sum(autre)
    FROM changed_hours GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT (practice_id, day, direction) DO UPDATE SET
      calls = s.calls + excluded.calls, answered = s.answered + excluded.answered, missed = s.missed + excluded.missed,
      handled = s.handled + excluded.handled, handled_seconds = s.handled_seconds + excluded.handled_seconds,
      rdv_pris = s.rdv_pris + excluded.rdv_pris, rdv_deplace = s.rdv_deplace + excluded.rdv_deplace,
      rdv_annule = s.rdv_annule + excluded.rdv_annule, message = s.message + excluded.message,
      transfert = s.transfert + excluded.transfert, info = s.info + excluded.info,
      urgence_reorientee = s.urgence_reorientee + excluded.urgence_reorientee,
      reoriente_confrere = s.reoriente_confrere + excluded.reoriente_confrere, autre = s.autre + excluded.autre
    RETURNING 1
  ),
  load_changes AS (
    INSERT INTO call_load_month_stat AS s (practice_id, month, weekday, hour, calls, answered, missed)
    SELECT practice_id, date_trunc('month', day)::date, extract(isodow FROM day)::smallint, hour, sum(calls), sum(answered), sum(missed)
    FROM changed_hours WHERE direction = 'entrant' AND (calls, answered, missed) <> (0, 0, 0)
    GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT (practice_id, month, weekday, hour) DO UPDATE SET
      calls = s.calls + excluded.calls, answered = s.answered + excluded.answered, missed = s.missed + excluded.missed
    RETURNING 1
  ),
  durations AS (
    SELECT practice_id, local_start::date AS day, telesec_duration_bucket(seconds) AS bucket, sum(sign) AS calls
    FROM counted WHERE seconds IS NOT NULL AND direction = 'entrant'
    GROUP BY 1, 2, 3
    HAVING sum(sign) <> 0
  ),
  duration_changes AS (
    INSERT INTO call_duration_stat AS s (practice_id, day, bucket, calls)
    SELECT * FROM durations ORDER BY 1, 2, 3
    ON CONFLICT (practice_id, day, bucket) DO UPDATE SET calls = s.calls + excluded.calls
    RETURNING 1
  )
  INSERT INTO call_duration_month_stat AS s (practice_id, month, bucket, calls)
  SELECT practice_id, date_trunc('month', day)::date, bucket, sum(calls) FROM durations GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (practice_id, month, bucket) DO UPDATE SET calls = s.calls + excluded.calls;
END
$fn$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "telesec_count_calls"() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  columns CONSTANT text := 'practice_id, direction, outcome, started_at, answered_at, ended_at';
  deltas telesec_call_delta[];
BEGIN
  EXECUTE format('SELECT array_agg(ROW(sign, %1$s)::telesec_call_delta) FROM (%2$s) AS changed WHERE practice_id IS NOT NULL', columns, CASE TG_OP
    WHEN 'INSERT' THEN format('SELECT 1 AS sign, %s FROM new_rows', columns)
    WHEN 'UPDATE' THEN format('SELECT 1 AS sign, %1$s FROM new_rows UNION ALL SELECT -1, %1$s FROM old_rows', columns)
    ELSE format('SELECT -1 AS sign, %s FROM old_rows', columns) END) INTO deltas;
  IF deltas IS NOT NULL THEN PERFORM telesec_add_call_deltas(deltas); END IF;
  RETURN NULL;
END
$fn$;
--> statement-breakpoint
DROP FUNCTION "telesec_call_stat_sql"(text);
--> statement-breakpoint
-- An appointment counts only as a no-show, a message only by its practice and day: statements that change neither cost one look.
CREATE OR REPLACE FUNCTION "telesec_count_no_shows"() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  counts boolean := false;
BEGIN
  -- Each transition table is named only in the branch of the operations that have it.
  IF TG_OP <> 'DELETE' THEN
    counts := EXISTS (SELECT FROM new_rows WHERE status IN ('noshow_excused', 'noshow_unexcused'));
  END IF;
  IF NOT counts AND TG_OP <> 'INSERT' THEN
    counts := EXISTS (SELECT FROM old_rows WHERE status IN ('noshow_excused', 'noshow_unexcused'));
  END IF;
  IF counts THEN
    EXECUTE telesec_no_shows_sql(CASE TG_OP
      WHEN 'INSERT' THEN 'SELECT 1 AS sign, * FROM new_rows'
      WHEN 'UPDATE' THEN 'SELECT 1 AS sign, * FROM new_rows UNION ALL SELECT -1, * FROM old_rows'
      ELSE 'SELECT -1 AS sign, * FROM old_rows' END);
  END IF;
  RETURN NULL;
END
$fn$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "telesec_count_messages"() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    -- A message read, treated or answered keeps its practice and day: nothing to count.
    IF NOT EXISTS (SELECT practice_id, created_at FROM new_rows EXCEPT ALL SELECT practice_id, created_at FROM old_rows)
      AND NOT EXISTS (SELECT practice_id, created_at FROM old_rows EXCEPT ALL SELECT practice_id, created_at FROM new_rows) THEN
      RETURN NULL;
    END IF;
  END IF;
  EXECUTE telesec_messages_sql(CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT 1 AS sign, * FROM new_rows'
    WHEN 'UPDATE' THEN 'SELECT 1 AS sign, * FROM new_rows UNION ALL SELECT -1, * FROM old_rows'
    ELSE 'SELECT -1 AS sign, * FROM old_rows' END);
  RETURN NULL;
END
$fn$;
--> statement-breakpoint
-- Counted once from the day and hour figures already kept.
INSERT INTO call_day_stat (practice_id, day, direction, calls, answered, missed, handled, handled_seconds, rdv_pris, rdv_deplace,
  rdv_annule, message, transfert, info, urgence_reorientee, reoriente_confrere, autre)
SELECT practice_id, day, direction, sum(calls), sum(answered), sum(missed), sum(handled), sum(handled_seconds), sum(rdv_pris),
  sum(rdv_deplace), sum(rdv_annule), sum(message), sum(transfert), sum(info), sum(urgence_reorientee), sum(reoriente_confrere), sum(autre)
FROM call_hour_stat GROUP BY 1, 2, 3;
--> statement-breakpoint
INSERT INTO call_load_month_stat (practice_id, month, weekday, hour, calls, answered, missed)
SELECT practice_id, date_trunc('month', day)::date, extract(isodow FROM day)::smallint, hour, sum(calls), sum(answered), sum(missed)
FROM call_hour_stat WHERE direction = 'entrant' GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
INSERT INTO call_duration_month_stat (practice_id, month, bucket, calls)
SELECT practice_id, date_trunc('month', day)::date, bucket, sum(calls) FROM call_duration_stat GROUP BY 1, 2, 3;
