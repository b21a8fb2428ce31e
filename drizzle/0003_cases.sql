CREATE TABLE "case_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"guild_id" text NOT NULL,
	"actor_id" text,
	"action" text NOT NULL,
	"note" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"guild_id" text NOT NULL,
	"number" integer NOT NULL,
	"kind" text NOT NULL,
	"urgency" text NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"subject_id" text,
	"reporter_id" text,
	"anonymous" boolean DEFAULT false NOT NULL,
	"channel_id" text,
	"message_id" text,
	"excerpt" text,
	"summary" text NOT NULL,
	"card_channel_id" text,
	"card_message_id" text,
	"card_thread_id" text,
	"help_thread_id" text,
	"claimed_by" text,
	"claimed_at" timestamp with time zone,
	"resolved_by" text,
	"resolved_at" timestamp with time zone,
	"outcome" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_events_case_idx" ON "case_events" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_guild_number_uq" ON "cases" USING btree ("guild_id","number");--> statement-breakpoint
CREATE INDEX "cases_guild_state_idx" ON "cases" USING btree ("guild_id","state","created_at");--> statement-breakpoint
CREATE INDEX "cases_pending_card_idx" ON "cases" USING btree ("guild_id") WHERE card_message_id is null;