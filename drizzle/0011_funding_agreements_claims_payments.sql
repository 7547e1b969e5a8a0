CREATE TABLE "agreement_amendments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"agreement_id" uuid NOT NULL,
	"proposed_lines" jsonb NOT NULL,
	"reason" text NOT NULL,
	"requested_by" uuid NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"decision" text,
	"decision_reason" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "agreement_lines" (
	"id" uuid PRIMARY KEY NOT NULL,
	"agreement_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"category" text NOT NULL,
	"description" text NOT NULL,
	"amount_cents" bigint NOT NULL,
	"planned_supplier" text,
	"quotation" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreement_lines_amount_check" CHECK (amount_cents >= 0)
);
--> statement-breakpoint
CREATE TABLE "funding_agreements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"program_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"envelope_id" uuid NOT NULL,
	"fiscal_year" integer NOT NULL,
	"rules_version_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"other_public_aid_cents" bigint DEFAULT 0 NOT NULL,
	"gst_registered" boolean DEFAULT false NOT NULL,
	"qst_registered" boolean DEFAULT false NOT NULL,
	"grant_cents" bigint,
	"eligible_cents" bigint,
	"prepared_by" uuid,
	"offered_at" timestamp with time zone,
	"offered_by" uuid,
	"accept_by" date,
	"accepted_at" timestamp with time zone,
	"accepted_by" uuid,
	"accepted_name" text,
	"accepted_attestation" text,
	"accepted_address" text,
	"declined_at" timestamp with time zone,
	"end_reason" text,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bank_accounts" (
	"application_id" uuid PRIMARY KEY NOT NULL,
	"holder_name" text NOT NULL,
	"encrypted" text NOT NULL,
	"account_last_digits" text NOT NULL,
	"verified_by" uuid,
	"verified_at" timestamp with time zone,
	"updated_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "claim_attachments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"claim_id" uuid NOT NULL,
	"invoice_id" uuid,
	"kind" text NOT NULL,
	"sha256" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"file_name" text NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "claim_invoices" (
	"id" uuid PRIMARY KEY NOT NULL,
	"claim_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"budget_line_id" uuid NOT NULL,
	"supplier_name" text NOT NULL,
	"invoice_number" text NOT NULL,
	"invoice_date" date NOT NULL,
	"subtotal_cents" bigint NOT NULL,
	"gst_cents" bigint NOT NULL,
	"qst_cents" bigint NOT NULL,
	"gst_number" text,
	"qst_number" text
);
--> statement-breakpoint
CREATE TABLE "claim_reviews" (
	"id" uuid PRIMARY KEY NOT NULL,
	"claim_id" uuid NOT NULL,
	"step" text NOT NULL,
	"decision" text NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"reviewer_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "funding_claims" (
	"id" uuid PRIMARY KEY NOT NULL,
	"agreement_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"eligible_cents" bigint,
	"claimable_cents" bigint,
	"created_by" uuid NOT NULL,
	"submitted_at" timestamp with time zone,
	"corrections" jsonb,
	"paid_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payment_batch_claims" (
	"batch_id" uuid NOT NULL,
	"claim_id" uuid NOT NULL,
	"amount_cents" bigint NOT NULL,
	"removed_at" timestamp with time zone,
	CONSTRAINT "payment_batch_claims_batch_id_claim_id_pk" PRIMARY KEY("batch_id","claim_id")
);
--> statement-breakpoint
CREATE TABLE "payment_batches" (
	"id" uuid PRIMARY KEY NOT NULL,
	"program_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"total_cents" bigint NOT NULL,
	"created_by" uuid NOT NULL,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"exported_at" timestamp with time zone,
	"paid_by" uuid,
	"paid_at" timestamp with time zone,
	"bank_reference" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "funding_recoveries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"agreement_id" uuid,
	"envelope_id" uuid NOT NULL,
	"fiscal_year" integer NOT NULL,
	"amount_cents" bigint NOT NULL,
	"reason" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "funding_recoveries_amount_check" CHECK (amount_cents > 0)
);
--> statement-breakpoint
CREATE TABLE "recovery_repayments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"recovery_id" uuid NOT NULL,
	"amount_cents" bigint NOT NULL,
	"received_on" date NOT NULL,
	"reference" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agreement_amendments" ADD CONSTRAINT "agreement_amendments_agreement_id_funding_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."funding_agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_amendments" ADD CONSTRAINT "agreement_amendments_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_amendments" ADD CONSTRAINT "agreement_amendments_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_lines" ADD CONSTRAINT "agreement_lines_agreement_id_funding_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."funding_agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_agreements" ADD CONSTRAINT "funding_agreements_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_agreements" ADD CONSTRAINT "funding_agreements_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_agreements" ADD CONSTRAINT "funding_agreements_envelope_id_funding_envelopes_id_fk" FOREIGN KEY ("envelope_id") REFERENCES "public"."funding_envelopes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_agreements" ADD CONSTRAINT "funding_agreements_rules_version_id_aid_rules_versions_id_fk" FOREIGN KEY ("rules_version_id") REFERENCES "public"."aid_rules_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_agreements" ADD CONSTRAINT "funding_agreements_prepared_by_users_id_fk" FOREIGN KEY ("prepared_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_agreements" ADD CONSTRAINT "funding_agreements_offered_by_users_id_fk" FOREIGN KEY ("offered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_agreements" ADD CONSTRAINT "funding_agreements_accepted_by_users_id_fk" FOREIGN KEY ("accepted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_accounts" ADD CONSTRAINT "bank_accounts_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_accounts" ADD CONSTRAINT "bank_accounts_verified_by_users_id_fk" FOREIGN KEY ("verified_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_accounts" ADD CONSTRAINT "bank_accounts_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_attachments" ADD CONSTRAINT "claim_attachments_claim_id_funding_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."funding_claims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_attachments" ADD CONSTRAINT "claim_attachments_invoice_id_claim_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."claim_invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_attachments" ADD CONSTRAINT "claim_attachments_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_invoices" ADD CONSTRAINT "claim_invoices_claim_id_funding_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."funding_claims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_invoices" ADD CONSTRAINT "claim_invoices_budget_line_id_agreement_lines_id_fk" FOREIGN KEY ("budget_line_id") REFERENCES "public"."agreement_lines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_reviews" ADD CONSTRAINT "claim_reviews_claim_id_funding_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."funding_claims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_reviews" ADD CONSTRAINT "claim_reviews_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_claims" ADD CONSTRAINT "funding_claims_agreement_id_funding_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."funding_agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_claims" ADD CONSTRAINT "funding_claims_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_claims" ADD CONSTRAINT "funding_claims_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_batch_claims" ADD CONSTRAINT "payment_batch_claims_batch_id_payment_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."payment_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_batch_claims" ADD CONSTRAINT "payment_batch_claims_claim_id_funding_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."funding_claims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_batches" ADD CONSTRAINT "payment_batches_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_batches" ADD CONSTRAINT "payment_batches_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_batches" ADD CONSTRAINT "payment_batches_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_batches" ADD CONSTRAINT "payment_batches_paid_by_users_id_fk" FOREIGN KEY ("paid_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_recoveries" ADD CONSTRAINT "funding_recoveries_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_recoveries" ADD CONSTRAINT "funding_recoveries_agreement_id_funding_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."funding_agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_recoveries" ADD CONSTRAINT "funding_recoveries_envelope_id_funding_envelopes_id_fk" FOREIGN KEY ("envelope_id") REFERENCES "public"."funding_envelopes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_recoveries" ADD CONSTRAINT "funding_recoveries_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recovery_repayments" ADD CONSTRAINT "recovery_repayments_recovery_id_funding_recoveries_id_fk" FOREIGN KEY ("recovery_id") REFERENCES "public"."funding_recoveries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recovery_repayments" ADD CONSTRAINT "recovery_repayments_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agreement_amendments_agreement_idx" ON "agreement_amendments" USING btree ("agreement_id");--> statement-breakpoint
CREATE INDEX "agreement_lines_agreement_idx" ON "agreement_lines" USING btree ("agreement_id","position");--> statement-breakpoint
CREATE INDEX "funding_agreements_application_idx" ON "funding_agreements" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "funding_agreements_program_status_idx" ON "funding_agreements" USING btree ("program_id","status");--> statement-breakpoint
CREATE INDEX "claim_attachments_claim_idx" ON "claim_attachments" USING btree ("claim_id");--> statement-breakpoint
CREATE INDEX "claim_attachments_sha256_idx" ON "claim_attachments" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "claim_invoices_claim_idx" ON "claim_invoices" USING btree ("claim_id","position");--> statement-breakpoint
CREATE INDEX "claim_invoices_invoice_number_idx" ON "claim_invoices" USING btree ("invoice_number");--> statement-breakpoint
CREATE INDEX "claim_reviews_claim_idx" ON "claim_reviews" USING btree ("claim_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "funding_claims_agreement_number" ON "funding_claims" USING btree ("agreement_id","number");--> statement-breakpoint
CREATE INDEX "funding_claims_status_idx" ON "funding_claims" USING btree ("status");--> statement-breakpoint
CREATE INDEX "funding_claims_application_idx" ON "funding_claims" USING btree ("application_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_batch_claims_active_claim" ON "payment_batch_claims" USING btree ("claim_id") WHERE removed_at is null;--> statement-breakpoint
CREATE INDEX "payment_batches_program_idx" ON "payment_batches" USING btree ("program_id","status");--> statement-breakpoint
CREATE INDEX "funding_recoveries_application_idx" ON "funding_recoveries" USING btree ("application_id");