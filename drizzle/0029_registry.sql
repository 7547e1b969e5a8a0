CREATE TABLE "application_registry_checks" (
	"application_id" uuid PRIMARY KEY NOT NULL,
	"neq" text NOT NULL,
	"extract_id" uuid,
	"extract_date" date,
	"facts" jsonb,
	"checked_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry_cae_naics" (
	"cae" text PRIMARY KEY NOT NULL,
	"naics" text NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry_codes" (
	"extract_id" uuid NOT NULL,
	"domain" text NOT NULL,
	"code" text NOT NULL,
	"label" text NOT NULL,
	CONSTRAINT "registry_codes_extract_id_domain_code_pk" PRIMARY KEY("extract_id","domain","code")
);
--> statement-breakpoint
CREATE TABLE "registry_enterprises" (
	"extract_id" uuid NOT NULL,
	"neq" text NOT NULL,
	"bankrupt" boolean NOT NULL,
	"registered_on" date,
	"status_code" text,
	"status_on" date,
	"legal_form_code" text,
	"jurisdiction_code" text,
	"employee_band_code" text,
	"cae_code" text,
	"cae_description" text,
	"cae2_code" text,
	"cae2_description" text,
	"constituted_on" date,
	"address_displayable" boolean NOT NULL,
	"address" text,
	CONSTRAINT "registry_enterprises_extract_id_neq_pk" PRIMARY KEY("extract_id","neq")
);
--> statement-breakpoint
CREATE TABLE "registry_establishments" (
	"extract_id" uuid NOT NULL,
	"neq" text NOT NULL,
	"number" text,
	"main" boolean NOT NULL,
	"address_displayable" boolean NOT NULL,
	"address" text,
	"name" text,
	"cae_code" text,
	"cae_description" text,
	"cae2_code" text,
	"cae2_description" text
);
--> statement-breakpoint
CREATE TABLE "registry_events" (
	"extract_id" uuid NOT NULL,
	"neq" text NOT NULL,
	"file" text NOT NULL,
	"fields" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry_extracts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"checksum" text NOT NULL,
	"file_name" text NOT NULL,
	"file_date" date,
	"size_bytes" integer NOT NULL,
	"status" text NOT NULL,
	"rows_read" integer DEFAULT 0 NOT NULL,
	"row_counts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"warnings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"failure" jsonb,
	"imported_by" uuid,
	"imported_via" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "registry_names" (
	"extract_id" uuid NOT NULL,
	"neq" text NOT NULL,
	"name" text NOT NULL,
	"foreign_name" text,
	"status_code" text,
	"type_code" text,
	"started_on" date,
	"ended_on" date
);
--> statement-breakpoint
CREATE TABLE "registry_rejected_rows" (
	"extract_id" uuid NOT NULL,
	"file" text NOT NULL,
	"line" integer NOT NULL,
	"reason" text NOT NULL,
	"column_name" text
);
--> statement-breakpoint
ALTER TABLE "application_registry_checks" ADD CONSTRAINT "application_registry_checks_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_cae_naics" ADD CONSTRAINT "registry_cae_naics_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_extracts" ADD CONSTRAINT "registry_extracts_imported_by_users_id_fk" FOREIGN KEY ("imported_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_rejected_rows" ADD CONSTRAINT "registry_rejected_rows_extract_id_registry_extracts_id_fk" FOREIGN KEY ("extract_id") REFERENCES "public"."registry_extracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "registry_establishments_neq_idx" ON "registry_establishments" USING btree ("extract_id","neq");--> statement-breakpoint
CREATE INDEX "registry_events_neq_idx" ON "registry_events" USING btree ("extract_id","neq");--> statement-breakpoint
CREATE UNIQUE INDEX "registry_extracts_one_current" ON "registry_extracts" USING btree ("status") WHERE status = 'current';--> statement-breakpoint
CREATE INDEX "registry_extracts_checksum_idx" ON "registry_extracts" USING btree ("checksum");--> statement-breakpoint
CREATE INDEX "registry_names_neq_idx" ON "registry_names" USING btree ("extract_id","neq");--> statement-breakpoint
CREATE INDEX "registry_rejected_rows_extract_idx" ON "registry_rejected_rows" USING btree ("extract_id","file","line");