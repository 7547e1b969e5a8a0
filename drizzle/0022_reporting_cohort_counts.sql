CREATE TABLE "reporting_cohort_counts" (
	"program_id" uuid NOT NULL,
	"month" date NOT NULL,
	"region" text,
	"naics" text,
	"size_band" text,
	"applications" integer NOT NULL,
	"eligible" integer NOT NULL,
	"accepted" integer NOT NULL,
	"accepted_now" integer NOT NULL,
	"waitlisted" integer NOT NULL,
	"t0_done" integer NOT NULL,
	"assigned" integer NOT NULL,
	"plan_approved" integer NOT NULL,
	"closed" integer NOT NULL,
	"t1_done" integer NOT NULL,
	CONSTRAINT "reporting_cohort_counts_group_key" UNIQUE NULLS NOT DISTINCT("program_id","month","region","naics","size_band")
);
--> statement-breakpoint
CREATE TABLE "reporting_cohort_facts" (
	"application_id" uuid PRIMARY KEY NOT NULL,
	"program_id" uuid NOT NULL,
	"month" date NOT NULL,
	"region" text,
	"naics" text,
	"size_band" text,
	"submitted_at" timestamp with time zone NOT NULL,
	"partner_id" uuid,
	"expert_user_id" uuid,
	"eligible" integer NOT NULL,
	"accepted" integer NOT NULL,
	"accepted_now" integer NOT NULL,
	"waitlisted" integer NOT NULL,
	"t0_done" integer NOT NULL,
	"assigned" integer NOT NULL,
	"plan_approved" integer NOT NULL,
	"closed" integer NOT NULL,
	"t1_done" integer NOT NULL,
	"gains" jsonb
);
--> statement-breakpoint
CREATE TABLE "reporting_cohort_gain_sums" (
	"program_id" uuid NOT NULL,
	"month" date NOT NULL,
	"region" text,
	"measure" text NOT NULL,
	"pairs" integer NOT NULL,
	"sum_tenths" bigint NOT NULL,
	"sum_squares" bigint NOT NULL,
	"improved" integer NOT NULL,
	CONSTRAINT "reporting_cohort_gain_sums_group_key" UNIQUE NULLS NOT DISTINCT("program_id","month","region","measure")
);
--> statement-breakpoint
ALTER TABLE "reporting_cohort_facts" ADD CONSTRAINT "reporting_cohort_facts_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reporting_cohort_facts_submitted_idx" ON "reporting_cohort_facts" USING btree ("program_id","submitted_at");--> statement-breakpoint
CREATE INDEX "reporting_cohort_facts_partner_idx" ON "reporting_cohort_facts" USING btree ("program_id","partner_id","submitted_at");--> statement-breakpoint
CREATE INDEX "reporting_cohort_facts_expert_idx" ON "reporting_cohort_facts" USING btree ("program_id","expert_user_id","submitted_at");--> statement-breakpoint
CREATE INDEX "assignments_application_idx" ON "assignments" USING btree ("application_id");--> statement-breakpoint
-- Decision 29. What the dashboard counts about each submitted application, recomputed from the tables
-- the facts come from for the applications a statement touched. The lock first: a transaction refreshing
-- the same file waits for the other to commit, and the next statement's snapshot then sees its change.
-- The size bands are kernel/business.ts's SIZE_BANDS (a test compares these counts with a recount).
CREATE FUNCTION reporting_cohort_facts_refresh(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM reporting_cohort_facts WHERE application_id = ANY(ids) ORDER BY application_id FOR UPDATE;
  DELETE FROM reporting_cohort_facts f WHERE f.application_id = ANY(ids)
    AND NOT EXISTS (SELECT 1 FROM applications a WHERE a.id = f.application_id AND a.submitted_at IS NOT NULL);
  INSERT INTO reporting_cohort_facts AS f (application_id, program_id, month, submitted_at, region, naics, size_band,
    partner_id, expert_user_id, eligible, accepted, accepted_now, waitlisted, t0_done, assigned, plan_approved, closed, t1_done,
    gains)
  SELECT a.id, a.program_id, date_trunc('month', a.submitted_at AT TIME ZONE 'America/Montreal')::date, a.submitted_at,
    a.region, a.naics,
    CASE WHEN a.employees BETWEEN 0 AND 4 THEN '1-4' WHEN a.employees BETWEEN 5 AND 9 THEN '5-9'
      WHEN a.employees BETWEEN 10 AND 19 THEN '10-19' WHEN a.employees BETWEEN 20 AND 49 THEN '20-49'
      WHEN a.employees >= 50 THEN '50+' END,
    a.partner_organization_id, a.assigned_expert_user_id,
    (a.eligible IS TRUE)::int,
    ((a.status = 'accepted' AND a.decided_at IS NOT NULL) OR (a.status = 'withdrawn' AND EXISTS (
      SELECT 1 FROM application_events e WHERE e.application_id = a.id AND e.kind = 'accepted')))::int,
    (a.status = 'accepted')::int,
    (a.waitlisted_at IS NOT NULL)::int,
    EXISTS (SELECT 1 FROM diagnostics d WHERE d.application_id = a.id AND d.phase = 'T0'
      AND d.status = 'completed' AND d.completed_at IS NOT NULL)::int,
    EXISTS (SELECT 1 FROM assignments s WHERE s.application_id = a.id)::int,
    EXISTS (SELECT 1 FROM action_plans p WHERE p.application_id = a.id AND p.status = 'approved'
      AND p.approved_at IS NOT NULL)::int,
    EXISTS (SELECT 1 FROM closures c WHERE c.application_id = a.id)::int,
    EXISTS (SELECT 1 FROM diagnostics d WHERE d.application_id = a.id AND d.phase = 'T1'
      AND d.status = 'completed' AND d.completed_at IS NOT NULL)::int,
    -- Scores are kept to one decimal: gains in tenths are exact integers. As diagnostic's scoreGains pairs them.
    (SELECT jsonb_object_agg(g.measure, g.tenths) FROM diagnostics t0
      JOIN diagnostics t1 ON t1.application_id = t0.application_id AND t1.phase = 'T1' AND t1.status = 'completed'
      CROSS JOIN LATERAL (
        SELECT 'overall' AS measure, round(((t1.scores->>'overall')::numeric - (t0.scores->>'overall')::numeric) * 10)::int AS tenths
        WHERE t1.scores->>'overall' IS NOT NULL AND t0.scores->>'overall' IS NOT NULL
        UNION ALL
        SELECT 'dimension:' || d.key, round(((t1.scores->'dimensions'->>d.key)::numeric - d.value::numeric) * 10)::int
        FROM jsonb_each_text(t0.scores->'dimensions') d
        WHERE d.value IS NOT NULL AND t1.scores->'dimensions'->>d.key IS NOT NULL
      ) g
      WHERE t0.application_id = a.id AND t0.phase = 'T0' AND t0.status = 'completed')
  FROM applications a WHERE a.id = ANY(ids) AND a.submitted_at IS NOT NULL
  ORDER BY a.id
  ON CONFLICT (application_id) DO UPDATE SET program_id = excluded.program_id, month = excluded.month,
    submitted_at = excluded.submitted_at, region = excluded.region, naics = excluded.naics,
    size_band = excluded.size_band, partner_id = excluded.partner_id, expert_user_id = excluded.expert_user_id,
    eligible = excluded.eligible, accepted = excluded.accepted, accepted_now = excluded.accepted_now,
    waitlisted = excluded.waitlisted, t0_done = excluded.t0_done, assigned = excluded.assigned,
    plan_approved = excluded.plan_approved, closed = excluded.closed, t1_done = excluded.t1_done, gains = excluded.gains
  -- A draft saved or answers typed change nothing here: no new row version, nothing for the counts.
  WHERE (f.*) IS DISTINCT FROM (excluded.*);
END;
$$;
--> statement-breakpoint
-- Statement-level on each source table: the application ids of the rows it changed (TG_ARGV[0] names
-- the column), one refresh however many rows.
CREATE FUNCTION reporting_cohort_facts_follow() RETURNS trigger LANGUAGE plpgsql AS $$
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
  IF ids IS NOT NULL THEN PERFORM reporting_cohort_facts_refresh(ids); END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- Every table a fact comes from, with the column naming the application and the changes that matter:
-- events are only appended, and an application's deletion removes its facts by cascade.
DO $$
DECLARE
  source record;
BEGIN
  FOR source IN SELECT * FROM (VALUES
      ('applications', 'id', true, false), ('application_events', 'application_id', false, false),
      ('diagnostics', 'application_id', true, true), ('assignments', 'application_id', true, true),
      ('action_plans', 'application_id', true, true), ('closures', 'application_id', true, true)
    ) AS s(name, id_column, updates, deletes)
  LOOP
    EXECUTE format('CREATE TRIGGER reporting_cohort_on_insert AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION reporting_cohort_facts_follow(%L)', source.name, source.id_column);
    IF source.updates THEN
      EXECUTE format('CREATE TRIGGER reporting_cohort_on_update AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows
        NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION reporting_cohort_facts_follow(%L)', source.name, source.id_column);
    END IF;
    IF source.deletes THEN
      EXECUTE format('CREATE TRIGGER reporting_cohort_on_delete AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows
        FOR EACH STATEMENT EXECUTE FUNCTION reporting_cohort_facts_follow(%L)', source.name, source.id_column);
    END IF;
  END LOOP;
END $$;
--> statement-breakpoint
-- The counts and gain sums follow the facts: one grouped upsert each of the differences per statement, groups in key order
-- so that concurrent writers take their row locks in the same order.
CREATE FUNCTION reporting_cohort_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
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
    INSERT INTO reporting_cohort_counts AS c (program_id, month, region, naics, size_band, applications, eligible,
      accepted, accepted_now, waitlisted, t0_done, assigned, plan_approved, closed, t1_done)
    SELECT * FROM (
      SELECT program_id, month, region, naics, size_band, sum(delta)::int AS applications,
        sum(delta * eligible)::int AS eligible, sum(delta * accepted)::int AS accepted,
        sum(delta * accepted_now)::int AS accepted_now, sum(delta * waitlisted)::int AS waitlisted,
        sum(delta * t0_done)::int AS t0_done, sum(delta * assigned)::int AS assigned,
        sum(delta * plan_approved)::int AS plan_approved, sum(delta * closed)::int AS closed,
        sum(delta * t1_done)::int AS t1_done
      FROM (%s) AS f GROUP BY 1, 2, 3, 4, 5
    ) AS d
    WHERE (applications, eligible, accepted, accepted_now, waitlisted, t0_done, assigned, plan_approved, closed, t1_done)
      IS DISTINCT FROM (0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT ON CONSTRAINT reporting_cohort_counts_group_key DO UPDATE SET
      applications = c.applications + excluded.applications, eligible = c.eligible + excluded.eligible,
      accepted = c.accepted + excluded.accepted, accepted_now = c.accepted_now + excluded.accepted_now,
      waitlisted = c.waitlisted + excluded.waitlisted, t0_done = c.t0_done + excluded.t0_done,
      assigned = c.assigned + excluded.assigned, plan_approved = c.plan_approved + excluded.plan_approved,
      closed = c.closed + excluded.closed, t1_done = c.t1_done + excluded.t1_done
  $sql$, changed);
  EXECUTE format($sql$
    INSERT INTO reporting_cohort_gain_sums AS s (program_id, month, region, measure, pairs, sum_tenths,
      sum_squares, improved)
    SELECT * FROM (
      SELECT f.program_id, f.month, f.region, g.key AS measure, sum(f.delta)::int AS pairs,
        sum(f.delta * g.value::bigint)::bigint AS sum_tenths, sum(f.delta * g.value::bigint * g.value::bigint)::bigint AS sum_squares,
        sum(f.delta * (g.value::int > 0)::int)::int AS improved
      FROM (%s) AS f CROSS JOIN LATERAL jsonb_each_text(f.gains) AS g
      GROUP BY 1, 2, 3, 4
    ) AS d
    WHERE (pairs, sum_tenths, sum_squares, improved) IS DISTINCT FROM (0, 0, 0, 0)
    ORDER BY 1, 2, 3, 4
    ON CONFLICT ON CONSTRAINT reporting_cohort_gain_sums_group_key DO UPDATE SET
      pairs = s.pairs + excluded.pairs, sum_tenths = s.sum_tenths + excluded.sum_tenths,
      sum_squares = s.sum_squares + excluded.sum_squares, improved = s.improved + excluded.improved
  $sql$, changed);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION reporting_cohort_counts_clear() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM reporting_cohort_counts;
  DELETE FROM reporting_cohort_gain_sums;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER reporting_cohort_counts_on_insert AFTER INSERT ON reporting_cohort_facts
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION reporting_cohort_counts_apply();
--> statement-breakpoint
CREATE TRIGGER reporting_cohort_counts_on_update AFTER UPDATE ON reporting_cohort_facts
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION reporting_cohort_counts_apply();
--> statement-breakpoint
CREATE TRIGGER reporting_cohort_counts_on_delete AFTER DELETE ON reporting_cohort_facts
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION reporting_cohort_counts_apply();
--> statement-breakpoint
CREATE TRIGGER reporting_cohort_counts_on_truncate AFTER TRUNCATE ON reporting_cohort_facts
  FOR EACH STATEMENT EXECUTE FUNCTION reporting_cohort_counts_clear();
--> statement-breakpoint
-- The applications submitted before this migration.
SELECT reporting_cohort_facts_refresh(array(SELECT id FROM applications WHERE submitted_at IS NOT NULL));
