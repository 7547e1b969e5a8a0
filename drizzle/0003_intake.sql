CREATE TABLE "email_verifications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "application_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"message" text,
	"actor_id" uuid,
	"actor_name" text,
	"occurred_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"program_id" uuid NOT NULL,
	"applicant_id" uuid,
	"status" text DEFAULT 'draft' NOT NULL,
	"draft_step" integer DEFAULT 1 NOT NULL,
	"legal_name" text,
	"trade_name" text,
	"neq" text,
	"street" text,
	"municipality_code" text,
	"municipality_name" text,
	"region" text,
	"postal_code" text,
	"phone" text,
	"email" text,
	"website" text,
	"social_links" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"naics" text,
	"employees" integer,
	"annual_revenue_band" text,
	"founded_year" integer,
	"languages_served" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"online_presence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"goals" text,
	"challenges" text,
	"contact_name" text,
	"contact_phone" text,
	"attested_at" timestamp with time zone,
	"referral_code" text,
	"partner_organization_id" uuid,
	"phone_key" text,
	"email_key" text,
	"address_key" text,
	"search_text" text DEFAULT '' NOT NULL,
	"criteria_version_id" uuid,
	"eligibility" jsonb,
	"eligible" boolean,
	"neq_checksum_warning" boolean DEFAULT false NOT NULL,
	"submitted_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"decision_reason" text,
	"info_request" text,
	"waitlisted_at" timestamp with time zone,
	"review_requested_at" timestamp with time zone,
	"imported_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consent_texts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"program_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"version" integer NOT NULL,
	"text_fr" text NOT NULL,
	"text_en" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "consents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"user_id" uuid,
	"purpose" text NOT NULL,
	"granted" boolean NOT NULL,
	"consent_text_id" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "criteria_versions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"program_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"criteria" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "partner_members" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partner_organizations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"program_id" uuid NOT NULL,
	"name" text NOT NULL,
	"referral_code" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "email_verified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "programs" ADD COLUMN "intake_opens_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "programs" ADD COLUMN "intake_closes_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "programs" ADD COLUMN "automated_decision_notice_fr" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "programs" ADD COLUMN "automated_decision_notice_en" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "email_verifications" ADD CONSTRAINT "email_verifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_events" ADD CONSTRAINT "application_events_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_applicant_id_users_id_fk" FOREIGN KEY ("applicant_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_partner_organization_id_partner_organizations_id_fk" FOREIGN KEY ("partner_organization_id") REFERENCES "public"."partner_organizations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_criteria_version_id_criteria_versions_id_fk" FOREIGN KEY ("criteria_version_id") REFERENCES "public"."criteria_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_texts" ADD CONSTRAINT "consent_texts_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_consent_text_id_consent_texts_id_fk" FOREIGN KEY ("consent_text_id") REFERENCES "public"."consent_texts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "criteria_versions" ADD CONSTRAINT "criteria_versions_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_members" ADD CONSTRAINT "partner_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_members" ADD CONSTRAINT "partner_members_organization_id_partner_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."partner_organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_organizations" ADD CONSTRAINT "partner_organizations_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "email_verifications_token_key" ON "email_verifications" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "application_events_application_idx" ON "application_events" USING btree ("application_id","occurred_at");--> statement-breakpoint
CREATE INDEX "applications_queue_idx" ON "applications" USING btree ("program_id","status","submitted_at");--> statement-breakpoint
CREATE INDEX "applications_region_idx" ON "applications" USING btree ("program_id","region","submitted_at");--> statement-breakpoint
CREATE INDEX "applications_naics_idx" ON "applications" USING btree ("program_id","naics","submitted_at");--> statement-breakpoint
CREATE INDEX "applications_partner_idx" ON "applications" USING btree ("partner_organization_id","submitted_at");--> statement-breakpoint
CREATE INDEX "applications_eligible_idx" ON "applications" USING btree ("program_id","eligible","submitted_at");--> statement-breakpoint
CREATE INDEX "applications_waitlist_idx" ON "applications" USING btree ("program_id","status","waitlisted_at");--> statement-breakpoint
CREATE INDEX "applications_applicant_idx" ON "applications" USING btree ("applicant_id");--> statement-breakpoint
CREATE INDEX "applications_neq_idx" ON "applications" USING btree ("neq");--> statement-breakpoint
CREATE INDEX "applications_email_key_idx" ON "applications" USING btree ("email_key");--> statement-breakpoint
CREATE INDEX "applications_phone_key_idx" ON "applications" USING btree ("phone_key");--> statement-breakpoint
CREATE INDEX "applications_address_key_idx" ON "applications" USING btree ("address_key");--> statement-breakpoint
CREATE INDEX "applications_search_idx" ON "applications" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "consent_texts_program_purpose_version_key" ON "consent_texts" USING btree ("program_id","purpose","version");--> statement-breakpoint
CREATE INDEX "consents_application_idx" ON "consents" USING btree ("application_id","purpose","recorded_at");--> statement-breakpoint
CREATE UNIQUE INDEX "criteria_versions_program_version_key" ON "criteria_versions" USING btree ("program_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "partner_organizations_code_key" ON "partner_organizations" USING btree ("referral_code");