CREATE TABLE "reopenings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"outcome" text NOT NULL,
	"closure_reason" text,
	"closed_at" timestamp with time zone NOT NULL,
	"closed_by" uuid,
	"reopened_at" timestamp with time zone NOT NULL,
	"reopened_by" uuid,
	"reason" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "reopenings" ADD CONSTRAINT "reopenings_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reopenings_application_idx" ON "reopenings" USING btree ("application_id","reopened_at");