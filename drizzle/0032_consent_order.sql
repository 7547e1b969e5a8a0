DROP INDEX "consents_application_idx";--> statement-breakpoint
ALTER TABLE "consents" ADD COLUMN "seq" bigint NOT NULL GENERATED ALWAYS AS IDENTITY (sequence name "consents_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1);--> statement-breakpoint
CREATE INDEX "consents_application_idx" ON "consents" USING btree ("application_id","purpose","recorded_at","seq");