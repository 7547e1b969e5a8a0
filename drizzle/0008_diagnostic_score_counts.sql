CREATE TABLE "diagnostic_score_counts" (
	"program_id" uuid NOT NULL,
	"phase" text NOT NULL,
	"group_kind" text NOT NULL,
	"group_key" text NOT NULL,
	"measure" text NOT NULL,
	"score_tenths" integer NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "diagnostic_score_counts_pkey" PRIMARY KEY("program_id","phase","group_kind","group_key","measure","score_tenths")
);
--> statement-breakpoint
ALTER TABLE "diagnostic_score_counts" ADD CONSTRAINT "diagnostic_score_counts_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- The peer groups and measures a completed diagnostic counts in: every group its business facts
-- define (see diagnosticScoreCounts in src/modules/diagnostic/db/tables.ts for the key format), the
-- overall score ('overall') and each dimension score ('dimension:' and its id, so that no dimension can
-- take the overall score's name), in tenths (scores are kept to one decimal).
CREATE FUNCTION diagnostic_score_entries(p_naics text, p_size_band text, p_region text, p_overall real, p_scores jsonb)
RETURNS TABLE (group_kind text, group_key text, measure text, score_tenths integer)
LANGUAGE sql IMMUTABLE AS $$
  SELECT g.kind, g.key, m.measure, m.tenths
  FROM (VALUES
      ('naics_size_region', CASE WHEN p_naics IS NOT NULL AND p_size_band IS NOT NULL AND p_region IS NOT NULL
                                 THEN concat_ws('|', p_naics, p_size_band, p_region) END),
      ('naics_size', CASE WHEN p_naics IS NOT NULL AND p_size_band IS NOT NULL
                          THEN concat_ws('|', p_naics, p_size_band) END),
      ('naics', p_naics),
      ('size', p_size_band),
      ('program', '')
    ) AS g(kind, key)
  CROSS JOIN (
    SELECT 'overall' AS measure, round(p_overall::numeric * 10)::integer AS tenths WHERE p_overall IS NOT NULL
    UNION ALL
    SELECT 'dimension:' || d.key, round(d.value::numeric * 10)::integer
    FROM jsonb_each_text(p_scores -> 'dimensions') AS d
    WHERE d.value IS NOT NULL
  ) AS m
  WHERE g.key IS NOT NULL
$$;
--> statement-breakpoint
-- Statement-level, over the rows the statement changed: one set-based upsert however many rows (the
-- scale benchmark inserts 300,000 at once), rows in key order so that concurrent completions take their
-- row locks in the same order. Saving answers to a diagnostic in progress changes nothing here.
CREATE FUNCTION diagnostic_score_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed text;
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NOT EXISTS (SELECT 1 FROM new_rows WHERE status = 'completed') THEN RETURN NULL; END IF;
    changed := 'SELECT *, 1 AS delta FROM new_rows';
  ELSIF TG_OP = 'DELETE' THEN
    IF NOT EXISTS (SELECT 1 FROM old_rows WHERE status = 'completed') THEN RETURN NULL; END IF;
    changed := 'SELECT *, -1 AS delta FROM old_rows';
  ELSE
    IF NOT EXISTS (SELECT 1 FROM new_rows WHERE status = 'completed') THEN
      IF NOT EXISTS (SELECT 1 FROM old_rows WHERE status = 'completed') THEN RETURN NULL; END IF;
    END IF;
    changed := 'SELECT *, -1 AS delta FROM old_rows UNION ALL SELECT *, 1 AS delta FROM new_rows';
  END IF;
  EXECUTE format($sql$
    INSERT INTO diagnostic_score_counts AS c
      (program_id, phase, group_kind, group_key, measure, score_tenths, n)
    SELECT d.program_id, d.phase, e.group_kind, e.group_key, e.measure, e.score_tenths, sum(d.delta)::integer
    FROM (%s) AS d
    CROSS JOIN LATERAL diagnostic_score_entries(d.naics, d.size_band, d.region, d.overall, d.scores) AS e
    WHERE d.status = 'completed'
    GROUP BY 1, 2, 3, 4, 5, 6
    HAVING sum(d.delta) <> 0
    ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (program_id, phase, group_kind, group_key, measure, score_tenths)
    DO UPDATE SET n = c.n + excluded.n
  $sql$, changed);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION diagnostic_score_counts_clear() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM diagnostic_score_counts;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER diagnostic_score_counts_on_insert AFTER INSERT ON diagnostics
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION diagnostic_score_counts_apply();
--> statement-breakpoint
CREATE TRIGGER diagnostic_score_counts_on_update AFTER UPDATE ON diagnostics
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION diagnostic_score_counts_apply();
--> statement-breakpoint
CREATE TRIGGER diagnostic_score_counts_on_delete AFTER DELETE ON diagnostics
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION diagnostic_score_counts_apply();
--> statement-breakpoint
CREATE TRIGGER diagnostic_score_counts_on_truncate AFTER TRUNCATE ON diagnostics
  FOR EACH STATEMENT EXECUTE FUNCTION diagnostic_score_counts_clear();
--> statement-breakpoint
-- Diagnostics completed before this migration.
INSERT INTO diagnostic_score_counts (program_id, phase, group_kind, group_key, measure, score_tenths, n)
SELECT d.program_id, d.phase, e.group_kind, e.group_key, e.measure, e.score_tenths, count(*)::integer
FROM diagnostics AS d
CROSS JOIN LATERAL diagnostic_score_entries(d.naics, d.size_band, d.region, d.overall, d.scores) AS e
WHERE d.status = 'completed'
GROUP BY 1, 2, 3, 4, 5, 6;
