ALTER TABLE "claim_reviews" ADD COLUMN "round" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "claim_reviews" ADD COLUMN "fields" jsonb;--> statement-breakpoint
ALTER TABLE "funding_claims" ADD COLUMN "round" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "funding_claims" ADD COLUMN "review_step" text;--> statement-breakpoint
CREATE INDEX "claim_invoices_number_key_idx" ON "claim_invoices" USING btree (upper(regexp_replace(invoice_number, '[^A-Za-z0-9]', '', 'g')));--> statement-breakpoint
CREATE INDEX "funding_claims_review_step_idx" ON "funding_claims" USING btree ("review_step");