CREATE TABLE "coaching_expert_outcomes" (
	"program_id" uuid NOT NULL,
	"expert_id" uuid NOT NULL,
	"closed_files" integer NOT NULL,
	"pairs" integer NOT NULL,
	"t0_sum" bigint NOT NULL,
	"gain_sum" bigint NOT NULL,
	"t0_squares" bigint NOT NULL,
	"t0_gains" bigint NOT NULL,
	"surveys" integer NOT NULL,
	"ratings" integer NOT NULL,
	"rating_sum" double precision NOT NULL,
	"actions" integer NOT NULL,
	"actions_done" integer NOT NULL,
	CONSTRAINT "coaching_expert_outcomes_program_id_expert_id_pk" PRIMARY KEY("program_id","expert_id")
);
--> statement-breakpoint
CREATE TABLE "coaching_file_facts" (
	"application_id" uuid PRIMARY KEY NOT NULL,
	"program_id" uuid NOT NULL,
	"open_since" timestamp with time zone,
	"closed_by" uuid,
	"paired" integer NOT NULL,
	"t0_overall" real,
	"t1_overall" real,
	"survey_answered" integer NOT NULL,
	"satisfaction" double precision,
	"actions" integer NOT NULL,
	"actions_done" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "coaching_file_facts" ADD CONSTRAINT "coaching_file_facts_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "coaching_file_facts_open_idx" ON "coaching_file_facts" USING btree ("program_id","open_since","application_id") WHERE open_since is not null;--> statement-breakpoint
CREATE INDEX "coaching_file_facts_closed_idx" ON "coaching_file_facts" USING btree ("program_id","closed_by") WHERE closed_by is not null;--> statement-breakpoint
-- Decision 48. What the dashboard reads about each coaching file, recomputed from its sources for the
-- applications a statement touched (decision 29's way): the lock first, so that two transactions
-- refreshing the same file run one after the other. Open: a submitted application with an active assignment
-- and no closure, since the last session held or else the assignment. Closed: the expert of the latest
-- assignment a closure ended. The program is the application's (an assignment's is always the same).
CREATE FUNCTION coaching_file_facts_refresh(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM coaching_file_facts WHERE application_id = ANY(ids) ORDER BY application_id FOR UPDATE;
  WITH files AS (
    SELECT a.id AS application_id, a.program_id,
      open.since AS open_since, closing.expert_id AS closed_by,
      (t0.id IS NOT NULL AND t1.id IS NOT NULL)::int AS paired,
      CASE WHEN t1.id IS NOT NULL THEN t0.overall END AS t0_overall,
      CASE WHEN t0.id IS NOT NULL THEN t1.overall END AS t1_overall,
      (os.id IS NOT NULL)::int AS survey_answered, (os.answers->>'satisfactionExpert')::float8 AS satisfaction,
      (SELECT count(*) FROM plan_actions pa WHERE pa.application_id = a.id)::int AS actions,
      (SELECT count(*) FROM plan_actions pa WHERE pa.application_id = a.id AND pa.status = 'done')::int AS actions_done
    FROM applications a
    LEFT JOIN LATERAL (
      SELECT coalesce((SELECT max(h.starts_at) FROM coaching_sessions h
        WHERE h.application_id = a.id AND h.status = 'held'), s.assigned_at) AS since
      FROM assignments s WHERE s.application_id = a.id AND s.status = 'active' AND a.submitted_at IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM closures c WHERE c.application_id = a.id)
    ) open ON true
    LEFT JOIN LATERAL (
      SELECT s.expert_id FROM assignments s
      WHERE s.application_id = a.id AND s.end_reason LIKE 'closed:%'
        AND EXISTS (SELECT 1 FROM closures c WHERE c.application_id = a.id)
      ORDER BY s.ended_at DESC LIMIT 1
    ) closing ON true
    LEFT JOIN diagnostics t0 ON closing.expert_id IS NOT NULL AND t0.application_id = a.id AND t0.phase = 'T0' AND t0.status = 'completed'
    LEFT JOIN diagnostics t1 ON closing.expert_id IS NOT NULL AND t1.application_id = a.id AND t1.phase = 'T1' AND t1.status = 'completed'
    LEFT JOIN outcome_surveys os ON closing.expert_id IS NOT NULL AND os.application_id = a.id AND os.wave = 'closure'
      AND os.answered_at IS NOT NULL
    WHERE a.id = ANY(ids) AND (open.since IS NOT NULL OR closing.expert_id IS NOT NULL)
  ),
  gone AS (
    DELETE FROM coaching_file_facts f WHERE f.application_id = ANY(ids)
      AND NOT EXISTS (SELECT 1 FROM files WHERE files.application_id = f.application_id)
  )
  INSERT INTO coaching_file_facts AS f (application_id, program_id, open_since, closed_by, paired, t0_overall,
    t1_overall, survey_answered, satisfaction, actions, actions_done)
  SELECT * FROM files ORDER BY application_id
  ON CONFLICT (application_id) DO UPDATE SET program_id = excluded.program_id, open_since = excluded.open_since,
    closed_by = excluded.closed_by, paired = excluded.paired, t0_overall = excluded.t0_overall,
    t1_overall = excluded.t1_overall, survey_answered = excluded.survey_answered,
    satisfaction = excluded.satisfaction, actions = excluded.actions, actions_done = excluded.actions_done
  WHERE (f.*) IS DISTINCT FROM (excluded.*);
END;
$$;
--> statement-breakpoint
-- Decision 29's statement-level trigger function, for both kinds of facts: renamed (its triggers follow it) and
-- given the refresh function to call as TG_ARGV[1] (decision 29's triggers name only the column: theirs).
ALTER FUNCTION reporting_cohort_facts_follow() RENAME TO kept_facts_follow;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION kept_facts_follow() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    EXECUTE format('SELECT array_agg(DISTINCT %I) FROM new_rows', TG_ARGV[0]) INTO ids;
  ELSIF TG_OP = 'DELETE' THEN
    EXECUTE format('SELECT array_agg(DISTINCT %I) FROM old_rows', TG_ARGV[0]) INTO ids;
  ELSE
    EXECUTE format('SELECT array_agg(DISTINCT c.id) FROM (SELECT %1$I AS id FROM old_rows UNION ALL SELECT %1$I FROM new_rows) c',
      TG_ARGV[0]) INTO ids;
  END IF;
  IF ids IS NOT NULL THEN
    EXECUTE format('SELECT %I($1)', coalesce(TG_ARGV[1], 'reporting_cohort_facts_refresh')) USING ids;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- Every table a fact comes from; an application matters once it exists (its submission, its program), and its
-- deletion removes its facts by cascade.
DO $$
DECLARE
  source text;
BEGIN
  FOREACH source IN ARRAY ARRAY['assignments', 'closures', 'coaching_sessions', 'diagnostics', 'outcome_surveys', 'plan_actions']
  LOOP
    EXECUTE format('CREATE TRIGGER coaching_file_facts_on_insert AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION kept_facts_follow(%L, %L)', source, 'application_id', 'coaching_file_facts_refresh');
    EXECUTE format('CREATE TRIGGER coaching_file_facts_on_update AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows
      NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION kept_facts_follow(%L, %L)', source, 'application_id', 'coaching_file_facts_refresh');
    EXECUTE format('CREATE TRIGGER coaching_file_facts_on_delete AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows
      FOR EACH STATEMENT EXECUTE FUNCTION kept_facts_follow(%L, %L)', source, 'application_id', 'coaching_file_facts_refresh');
  END LOOP;
END $$;
--> statement-breakpoint
CREATE TRIGGER coaching_file_facts_on_update AFTER UPDATE ON applications REFERENCING OLD TABLE AS old_rows
  NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION kept_facts_follow('id', 'coaching_file_facts_refresh');
--> statement-breakpoint
-- The closed files added up per program and expert: one grouped upsert of the differences per statement,
-- groups in key order so that concurrent writers take their row locks in the same order. Scores in tenths.
CREATE FUNCTION coaching_expert_outcomes_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed text;
BEGIN
  IF TG_OP = 'INSERT' THEN
    changed := 'SELECT *, 1 AS delta FROM new_rows';
  ELSIF TG_OP = 'DELETE' THEN
    changed := 'SELECT *, -1 AS delta FROM old_rows';
  ELSE
    changed := 'SELECT *, -1 AS delta FROM old_rows UNION ALL SELECT *, 1 AS delta FROM new_rows';
  END IF;
  EXECUTE format($sql$
    INSERT INTO coaching_expert_outcomes AS o (program_id, expert_id, closed_files, pairs, t0_sum, gain_sum,
      t0_squares, t0_gains, surveys, ratings, rating_sum, actions, actions_done)
    SELECT * FROM (
      SELECT program_id, closed_by, sum(delta)::int AS closed_files, sum(delta * (gain IS NOT NULL)::int)::int AS pairs,
        coalesce(sum(delta * t0), 0)::bigint AS t0_sum, coalesce(sum(delta * gain), 0)::bigint AS gain_sum,
        coalesce(sum(delta * t0 * t0), 0)::bigint AS t0_squares, coalesce(sum(delta * t0 * gain), 0)::bigint AS t0_gains,
        sum(delta * survey_answered)::int AS surveys, sum(delta * (satisfaction IS NOT NULL)::int)::int AS ratings,
        coalesce(sum(delta * satisfaction), 0)::float8 AS rating_sum, sum(delta * actions)::int AS actions,
        sum(delta * actions_done)::int AS actions_done
      FROM (
        SELECT f.*, CASE WHEN f.paired = 1 AND f.t1_overall IS NOT NULL THEN round(f.t0_overall::numeric * 10)::bigint END AS t0,
          round((f.t1_overall::numeric - f.t0_overall::numeric) * 10)::bigint AS gain
        FROM (%s) AS f WHERE f.closed_by IS NOT NULL
      ) AS c
      GROUP BY 1, 2
    ) AS d
    WHERE (closed_files, pairs, t0_sum, gain_sum, t0_squares, t0_gains, surveys, ratings, rating_sum, actions, actions_done)
      IS DISTINCT FROM (0, 0, 0, 0, 0, 0, 0, 0, 0::float8, 0, 0)
    ORDER BY 1, 2
    ON CONFLICT (program_id, expert_id) DO UPDATE SET closed_files = o.closed_files + excluded.closed_files,
      pairs = o.pairs + excluded.pairs, t0_sum = o.t0_sum + excluded.t0_sum, gain_sum = o.gain_sum + excluded.gain_sum,
      t0_squares = o.t0_squares + excluded.t0_squares, t0_gains = o.t0_gains + excluded.t0_gains,
      surveys = o.surveys + excluded.surveys, ratings = o.ratings + excluded.ratings,
      rating_sum = o.rating_sum + excluded.rating_sum, actions = o.actions + excluded.actions,
      actions_done = o.actions_done + excluded.actions_done
  $sql$, changed);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER coaching_expert_outcomes_on_insert AFTER INSERT ON coaching_file_facts
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION coaching_expert_outcomes_apply();
--> statement-breakpoint
CREATE TRIGGER coaching_expert_outcomes_on_update AFTER UPDATE ON coaching_file_facts
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION coaching_expert_outcomes_apply();
--> statement-breakpoint
CREATE TRIGGER coaching_expert_outcomes_on_delete AFTER DELETE ON coaching_file_facts
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION coaching_expert_outcomes_apply();
--> statement-breakpoint
-- The files coached before this migration (and so their sums).
SELECT coaching_file_facts_refresh(array(SELECT DISTINCT application_id FROM assignments));
