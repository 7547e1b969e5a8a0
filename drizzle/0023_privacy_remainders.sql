ALTER TABLE "privacy_requests" ADD COLUMN "reminded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "privacy_requests" ADD COLUMN "account_erased_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "research_extracts" ADD COLUMN "erased_at" timestamp with time zone;