CREATE TABLE "precheck_counts" (
	"program_id" uuid NOT NULL,
	"day" date NOT NULL,
	"region" text NOT NULL,
	"eligible" boolean NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "precheck_counts_program_id_day_region_eligible_pk" PRIMARY KEY("program_id","day","region","eligible")
);
--> statement-breakpoint
CREATE TABLE "disclosure_settings" (
	"program_id" uuid PRIMARY KEY NOT NULL,
	"min_count" integer NOT NULL,
	"dominance" double precision NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
ALTER TABLE "precheck_counts" ADD CONSTRAINT "precheck_counts_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_settings" ADD CONSTRAINT "disclosure_settings_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_settings" ADD CONSTRAINT "disclosure_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;