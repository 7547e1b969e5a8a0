CREATE TABLE "workshop_registrations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workshop_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"status" text NOT NULL,
	"waitlisted_at" timestamp with time zone,
	"offer_expires_at" timestamp with time zone,
	"sequence" integer DEFAULT 0 NOT NULL,
	"present" boolean,
	"minutes_attended" integer,
	"satisfaction_invited_at" timestamp with time zone,
	"satisfaction" integer,
	"satisfaction_comment" text,
	"answered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workshops" (
	"id" uuid PRIMARY KEY NOT NULL,
	"program_id" uuid NOT NULL,
	"series_id" uuid,
	"title_fr" text NOT NULL,
	"title_en" text NOT NULL,
	"description_fr" text NOT NULL,
	"description_en" text NOT NULL,
	"topic" text NOT NULL,
	"language" text NOT NULL,
	"format" text NOT NULL,
	"place" text,
	"link" text,
	"starts_at" timestamp with time zone NOT NULL,
	"duration_minutes" integer NOT NULL,
	"capacity" integer NOT NULL,
	"audience" text NOT NULL,
	"region" text,
	"facilitator_user_id" uuid,
	"offer_hours" integer DEFAULT 24 NOT NULL,
	"minimum_attendance_percent" integer DEFAULT 80 NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workshops_capacity_positive" CHECK ("workshops"."capacity" > 0)
);
--> statement-breakpoint
ALTER TABLE "workshop_registrations" ADD CONSTRAINT "workshop_registrations_workshop_id_workshops_id_fk" FOREIGN KEY ("workshop_id") REFERENCES "public"."workshops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_registrations" ADD CONSTRAINT "workshop_registrations_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_registrations" ADD CONSTRAINT "workshop_registrations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshops" ADD CONSTRAINT "workshops_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshops" ADD CONSTRAINT "workshops_facilitator_user_id_users_id_fk" FOREIGN KEY ("facilitator_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "workshop_registrations_business_uq" ON "workshop_registrations" USING btree ("workshop_id","application_id");--> statement-breakpoint
CREATE INDEX "workshop_registrations_user_idx" ON "workshop_registrations" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "workshop_registrations_application_idx" ON "workshop_registrations" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "workshops_program_idx" ON "workshops" USING btree ("program_id","starts_at");--> statement-breakpoint
CREATE INDEX "workshops_series_idx" ON "workshops" USING btree ("series_id");