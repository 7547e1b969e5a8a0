CREATE TABLE "signal_files" (
	"signal_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"claim_id" uuid,
	"program_id" uuid NOT NULL,
	CONSTRAINT "signal_files_signal_id_file_id_pk" PRIMARY KEY("signal_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "signals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"fingerprint" text NOT NULL,
	"evidence" jsonb NOT NULL,
	"files_key" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"resolution_reason" text,
	"resolved_by" uuid,
	"resolved_by_name" text,
	"resolved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "bank_accounts" ADD COLUMN "match_key" text;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "submitted_from" text;--> statement-breakpoint
ALTER TABLE "signal_files" ADD CONSTRAINT "signal_files_signal_id_signals_id_fk" FOREIGN KEY ("signal_id") REFERENCES "public"."signals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signal_files" ADD CONSTRAINT "signal_files_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signal_files" ADD CONSTRAINT "signal_files_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signals" ADD CONSTRAINT "signals_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "signal_files_file_idx" ON "signal_files" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "signal_files_application_idx" ON "signal_files" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "signal_files_claim_idx" ON "signal_files" USING btree ("claim_id");--> statement-breakpoint
CREATE INDEX "signal_files_program_idx" ON "signal_files" USING btree ("program_id");--> statement-breakpoint
CREATE UNIQUE INDEX "signals_fingerprint_key" ON "signals" USING btree ("fingerprint");--> statement-breakpoint
CREATE INDEX "signals_status_idx" ON "signals" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "bank_accounts_match_key_idx" ON "bank_accounts" USING btree ("match_key");--> statement-breakpoint
CREATE INDEX "applications_submitted_from_idx" ON "applications" USING btree ("submitted_from","submitted_at");