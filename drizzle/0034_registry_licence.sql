CREATE TABLE "registry_licence_records" (
	"id" uuid PRIMARY KEY NOT NULL,
	"licence" text NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone NOT NULL,
	"revoked_by" uuid,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "registry_licence_records" ADD CONSTRAINT "registry_licence_records_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_licence_records" ADD CONSTRAINT "registry_licence_records_revoked_by_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "registry_licence_records_in_force" ON "registry_licence_records" USING btree ((revoked_at is null)) WHERE revoked_at is null;