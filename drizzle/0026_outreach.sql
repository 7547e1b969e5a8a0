CREATE TABLE "outreach_messages" (
	"id" uuid PRIMARY KEY NOT NULL,
	"program_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"subject_fr" text NOT NULL,
	"subject_en" text NOT NULL,
	"body_fr" text NOT NULL,
	"body_en" text NOT NULL,
	"segment" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"recipients" integer,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"queued_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "outreach_recipients" (
	"id" uuid PRIMARY KEY NOT NULL,
	"message_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"mail_id" uuid,
	"unsubscribed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "headers" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "outreach_messages" ADD CONSTRAINT "outreach_messages_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_messages" ADD CONSTRAINT "outreach_messages_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_recipients" ADD CONSTRAINT "outreach_recipients_message_id_outreach_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."outreach_messages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_recipients" ADD CONSTRAINT "outreach_recipients_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_recipients" ADD CONSTRAINT "outreach_recipients_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "outreach_messages_program_idx" ON "outreach_messages" USING btree ("program_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "outreach_recipients_message_user_key" ON "outreach_recipients" USING btree ("message_id","user_id");--> statement-breakpoint
CREATE INDEX "outreach_recipients_pending_idx" ON "outreach_recipients" USING btree ("message_id","id") WHERE mail_id is null;--> statement-breakpoint
-- Programs set up before the newsletter purpose existed get its consent text, version 1 (never given by anyone yet).
INSERT INTO "consent_texts" ("id", "program_id", "purpose", "version", "text_fr", "text_en")
SELECT gen_random_uuid(), p."id", 'newsletter', 1, 'J''accepte de recevoir par courriel l''infolettre du programme (nouvelles, ateliers, occasions). Je peux me désabonner en tout temps, sans me connecter, par le lien au bas de chaque infolettre.', 'I agree to receive the program’s newsletter by e-mail (news, workshops, opportunities). I may unsubscribe at any time, without signing in, through the link at the bottom of each newsletter.'
FROM "programs" p
WHERE EXISTS (SELECT 1 FROM "consent_texts" c WHERE c."program_id" = p."id")
  AND NOT EXISTS (SELECT 1 FROM "consent_texts" c WHERE c."program_id" = p."id" AND c."purpose" = 'newsletter');
