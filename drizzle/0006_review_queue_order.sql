DROP INDEX "applications_queue_idx";--> statement-breakpoint
CREATE INDEX "applications_submitted_idx" ON "applications" USING btree ("program_id","submitted_at","id") WHERE submitted_at is not null;--> statement-breakpoint
CREATE INDEX "applications_queue_idx" ON "applications" USING btree ("program_id","status","submitted_at","id");