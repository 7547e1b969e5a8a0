CREATE TABLE "precheck_failures" (
	"program_id" uuid NOT NULL,
	"day" date NOT NULL,
	"region" text NOT NULL,
	"criterion_id" text NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "precheck_failures_program_id_day_region_criterion_id_pk" PRIMARY KEY("program_id","day","region","criterion_id")
);
--> statement-breakpoint
CREATE TABLE "privacy_incident_versions" (
	"incident_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"entry" jsonb NOT NULL,
	"written_by" uuid NOT NULL,
	"written_at" timestamp with time zone NOT NULL,
	CONSTRAINT "privacy_incident_versions_incident_id_version_pk" PRIMARY KEY("incident_id","version")
);
--> statement-breakpoint
ALTER TABLE "privacy_incidents" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "privacy_incidents" ADD COLUMN "updated_by" uuid;--> statement-breakpoint
ALTER TABLE "privacy_incidents" ADD COLUMN "updated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "privacy_requests" ADD COLUMN "reminded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "privacy_requests" ADD COLUMN "account_erased_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "research_extracts" ADD COLUMN "erased_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "precheck_failures" ADD CONSTRAINT "precheck_failures_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_incident_versions" ADD CONSTRAINT "privacy_incident_versions_incident_id_privacy_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."privacy_incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_incident_versions" ADD CONSTRAINT "privacy_incident_versions_written_by_users_id_fk" FOREIGN KEY ("written_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_incidents" ADD CONSTRAINT "privacy_incidents_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;