CREATE TABLE "application_registry_checks" (
	"application_id" uuid PRIMARY KEY NOT NULL,
	"neq" text NOT NULL,
	"extract_id" uuid,
	"extract_date" date,
	"facts" jsonb,
	"checked_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "application_registry_checks" ADD CONSTRAINT "application_registry_checks_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;