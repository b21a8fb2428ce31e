CREATE TABLE "checkin_moods" (
	"occurrence_id" uuid NOT NULL,
	"guild_id" text NOT NULL,
	"member_id" text NOT NULL,
	"mood" smallint NOT NULL,
	"answered_at" timestamp with time zone NOT NULL,
	CONSTRAINT "checkin_moods_occurrence_id_member_id_pk" PRIMARY KEY("occurrence_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "checkin_occurrences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"schedule_id" uuid NOT NULL,
	"guild_id" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"late" boolean DEFAULT false NOT NULL,
	"reminded_at" timestamp with time zone,
	"message_id" text,
	"thread_id" text,
	"event_id" text,
	"participants" integer,
	"opened_at" timestamp with time zone,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "checkin_schedules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"guild_id" text NOT NULL,
	"channel_id" text NOT NULL,
	"title" text NOT NULL,
	"prompt" text,
	"weekday" smallint NOT NULL,
	"time" text NOT NULL,
	"zone" text NOT NULL,
	"every_weeks" smallint DEFAULT 1 NOT NULL,
	"anchor" timestamp with time zone NOT NULL,
	"duration_minutes" integer DEFAULT 60 NOT NULL,
	"remind_minutes" integer DEFAULT 30 NOT NULL,
	"paused" boolean DEFAULT false NOT NULL,
	"failing_reason" text,
	"reminder_role_id" text,
	"mirror_events" boolean DEFAULT false NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "checkin_subscriptions" (
	"schedule_id" uuid NOT NULL,
	"guild_id" text NOT NULL,
	"member_id" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "checkin_subscriptions_schedule_id_member_id_pk" PRIMARY KEY("schedule_id","member_id")
);
--> statement-breakpoint
ALTER TABLE "checkin_moods" ADD CONSTRAINT "checkin_moods_occurrence_id_checkin_occurrences_id_fk" FOREIGN KEY ("occurrence_id") REFERENCES "public"."checkin_occurrences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkin_occurrences" ADD CONSTRAINT "checkin_occurrences_schedule_id_checkin_schedules_id_fk" FOREIGN KEY ("schedule_id") REFERENCES "public"."checkin_schedules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkin_subscriptions" ADD CONSTRAINT "checkin_subscriptions_schedule_id_checkin_schedules_id_fk" FOREIGN KEY ("schedule_id") REFERENCES "public"."checkin_schedules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "checkin_moods_member_idx" ON "checkin_moods" USING btree ("guild_id","member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "checkin_occurrences_once_uq" ON "checkin_occurrences" USING btree ("schedule_id","starts_at");--> statement-breakpoint
CREATE INDEX "checkin_occurrences_guild_idx" ON "checkin_occurrences" USING btree ("guild_id","starts_at");--> statement-breakpoint
CREATE INDEX "checkin_schedules_guild_idx" ON "checkin_schedules" USING btree ("guild_id");--> statement-breakpoint
CREATE INDEX "checkin_subscriptions_member_idx" ON "checkin_subscriptions" USING btree ("guild_id","member_id");