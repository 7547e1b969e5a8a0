CREATE TABLE "privacy_incidents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"information_involved" text NOT NULL,
	"circumstances" text NOT NULL,
	"occurred_from" date NOT NULL,
	"occurred_to" date,
	"learned_on" date NOT NULL,
	"persons_affected" integer NOT NULL,
	"persons_approximate" boolean NOT NULL,
	"risk_assessment" text NOT NULL,
	"serious_risk" boolean NOT NULL,
	"commission_notified_on" date,
	"persons_notified_on" date,
	"public_notice" text,
	"measures" text NOT NULL,
	"advice_to_persons" text,
	"kept_until" date NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "privacy_incidents_notices_check" CHECK (not "privacy_incidents"."serious_risk" or ("privacy_incidents"."commission_notified_on" is not null and "privacy_incidents"."persons_notified_on" is not null))
);
--> statement-breakpoint
CREATE TABLE "privacy_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"requester_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"details" text NOT NULL,
	"status" text DEFAULT 'received' NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"due_on" date NOT NULL,
	"answer" text,
	"answered_at" timestamp with time zone,
	"answered_by" uuid,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "privacy_requests_answer_check" CHECK (("privacy_requests"."status" in ('answered', 'refused')) = ("privacy_requests"."answer" is not null and "privacy_requests"."answered_at" is not null))
);
--> statement-breakpoint
ALTER TABLE "privacy_incidents" ADD CONSTRAINT "privacy_incidents_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_requests" ADD CONSTRAINT "privacy_requests_requester_id_users_id_fk" FOREIGN KEY ("requester_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_requests" ADD CONSTRAINT "privacy_requests_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "privacy_incidents_learned_idx" ON "privacy_incidents" USING btree ("learned_on");--> statement-breakpoint
CREATE INDEX "privacy_requests_requester_idx" ON "privacy_requests" USING btree ("requester_id","received_at");--> statement-breakpoint
CREATE INDEX "privacy_requests_queue_idx" ON "privacy_requests" USING btree ("status","due_on");