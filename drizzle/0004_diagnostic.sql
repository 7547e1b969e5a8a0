CREATE TABLE "diagnostics" (
	"id" uuid PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"questionnaire_id" uuid NOT NULL,
	"phase" text NOT NULL,
	"status" text DEFAULT 'in_progress' NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"started_by" uuid,
	"completed_at" timestamp with time zone,
	"scores" jsonb,
	"overall" real,
	"level" text,
	"naics" text,
	"size_band" text,
	"region" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "questionnaires" (
	"id" uuid PRIMARY KEY NOT NULL,
	"program_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"content" jsonb NOT NULL,
	"published_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recommendations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"program_id" uuid NOT NULL,
	"key" text NOT NULL,
	"dimension_id" text NOT NULL,
	"min_score" integer NOT NULL,
	"max_score" integer NOT NULL,
	"title_fr" text NOT NULL,
	"title_en" text NOT NULL,
	"text_fr" text NOT NULL,
	"text_en" text NOT NULL,
	"cost_min" integer NOT NULL,
	"cost_max" integer NOT NULL,
	"effort" text NOT NULL,
	"priority" integer DEFAULT 5 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "diagnostics" ADD CONSTRAINT "diagnostics_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diagnostics" ADD CONSTRAINT "diagnostics_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diagnostics" ADD CONSTRAINT "diagnostics_questionnaire_id_questionnaires_id_fk" FOREIGN KEY ("questionnaire_id") REFERENCES "public"."questionnaires"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diagnostics" ADD CONSTRAINT "diagnostics_started_by_users_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaires" ADD CONSTRAINT "questionnaires_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "diagnostics_application_phase_key" ON "diagnostics" USING btree ("application_id","phase");--> statement-breakpoint
CREATE INDEX "diagnostics_peers_idx" ON "diagnostics" USING btree ("program_id","phase","naics","size_band","region") WHERE status = 'completed';--> statement-breakpoint
CREATE UNIQUE INDEX "questionnaires_program_version_key" ON "questionnaires" USING btree ("program_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "recommendations_program_key" ON "recommendations" USING btree ("program_id","key");--> statement-breakpoint
CREATE INDEX "recommendations_dimension_idx" ON "recommendations" USING btree ("program_id","dimension_id");