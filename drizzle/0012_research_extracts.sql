CREATE TABLE "research_extract_chunks" (
	"extract_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"data" "bytea" NOT NULL,
	CONSTRAINT "research_extract_chunks_extract_id_position_pk" PRIMARY KEY("extract_id","position")
);
--> statement-breakpoint
CREATE TABLE "research_extracts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"program_id" uuid NOT NULL,
	"requested_by" uuid NOT NULL,
	"purpose" text NOT NULL,
	"variable_groups" jsonb NOT NULL,
	"generalisation" jsonb NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"refusal_kind" text,
	"refusal_reason" text,
	"failing_classes" jsonb,
	"suggested_generalisation" jsonb,
	"extracted_at" timestamp with time zone,
	"row_count" integer,
	"class_count" integer,
	"rules_versions" jsonb,
	"checksums" jsonb,
	"size_bytes" integer,
	"downloads" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "research_extract_chunks" ADD CONSTRAINT "research_extract_chunks_extract_id_research_extracts_id_fk" FOREIGN KEY ("extract_id") REFERENCES "public"."research_extracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "research_extracts" ADD CONSTRAINT "research_extracts_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "research_extracts" ADD CONSTRAINT "research_extracts_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "research_extracts" ADD CONSTRAINT "research_extracts_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "research_extracts_requester_idx" ON "research_extracts" USING btree ("requested_by","requested_at");--> statement-breakpoint
CREATE INDEX "research_extracts_status_idx" ON "research_extracts" USING btree ("status","requested_at");