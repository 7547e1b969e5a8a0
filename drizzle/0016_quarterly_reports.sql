CREATE TABLE "quarterly_reports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"program_id" uuid NOT NULL,
	"fiscal_year" integer NOT NULL,
	"quarter" integer NOT NULL,
	"version" integer NOT NULL,
	"reason" text,
	"snapshot" text NOT NULL,
	"checksum" text NOT NULL,
	"rules_version" text NOT NULL,
	"produced_by" uuid NOT NULL,
	"produced_at" timestamp with time zone NOT NULL,
	CONSTRAINT "quarterly_reports_quarter_check" CHECK (quarter between 1 and 4),
	CONSTRAINT "quarterly_reports_version_check" CHECK (version >= 1),
	CONSTRAINT "quarterly_reports_reason_check" CHECK (version = 1 or reason is not null)
);
--> statement-breakpoint
ALTER TABLE "quarterly_reports" ADD CONSTRAINT "quarterly_reports_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quarterly_reports" ADD CONSTRAINT "quarterly_reports_produced_by_users_id_fk" FOREIGN KEY ("produced_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "quarterly_reports_version_key" ON "quarterly_reports" USING btree ("program_id","fiscal_year","quarter","version");--> statement-breakpoint
-- A quarterly report once produced never changes: a correction is a new version, never an edit.
CREATE FUNCTION quarterly_reports_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'quarterly_reports is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER quarterly_reports_no_update_delete BEFORE UPDATE OR DELETE ON quarterly_reports
  FOR EACH ROW EXECUTE FUNCTION quarterly_reports_refuse_change();
--> statement-breakpoint
CREATE TRIGGER quarterly_reports_no_truncate BEFORE TRUNCATE ON quarterly_reports
  FOR EACH STATEMENT EXECUTE FUNCTION quarterly_reports_refuse_change();
