CREATE TABLE "registry_payment_overrides" (
	"application_id" uuid PRIMARY KEY NOT NULL,
	"neq" text NOT NULL,
	"reason" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "registry_payment_overrides" ADD CONSTRAINT "registry_payment_overrides_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_payment_overrides" ADD CONSTRAINT "registry_payment_overrides_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;