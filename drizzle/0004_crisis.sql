CREATE TABLE "crisis_flags" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"guild_id" text NOT NULL,
	"member_id" text NOT NULL,
	"channel_id" text NOT NULL,
	"message_id" text NOT NULL,
	"level" text NOT NULL,
	"member_reply" text DEFAULT 'pending' NOT NULL,
	"case_id" uuid,
	"not_about_me" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "local_services" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"guild_id" text NOT NULL,
	"name" text NOT NULL,
	"phone" text,
	"text" text,
	"url" text,
	"hours" text,
	"added_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "member_prefs" (
	"guild_id" text NOT NULL,
	"member_id" text NOT NULL,
	"country" text,
	"crisis_opt_out" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "member_prefs_guild_id_member_id_pk" PRIMARY KEY("guild_id","member_id")
);
--> statement-breakpoint
ALTER TABLE "guild_settings" ADD COLUMN "crisis_enabled" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "guild_settings" ADD COLUMN "crisis_reply" text DEFAULT 'dm' NOT NULL;--> statement-breakpoint
ALTER TABLE "guild_settings" ADD COLUMN "crisis_cooldown_hours" integer DEFAULT 6 NOT NULL;--> statement-breakpoint
CREATE INDEX "crisis_flags_member_idx" ON "crisis_flags" USING btree ("guild_id","member_id","created_at");--> statement-breakpoint
CREATE INDEX "local_services_guild_idx" ON "local_services" USING btree ("guild_id");