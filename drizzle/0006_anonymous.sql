CREATE TABLE "anon_blocks" (
	"guild_id" text NOT NULL,
	"author_key" text NOT NULL,
	"until" timestamp with time zone,
	"reason" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "anon_blocks_guild_id_author_key_pk" PRIMARY KEY("guild_id","author_key")
);
--> statement-breakpoint
CREATE TABLE "anon_channels" (
	"channel_id" text PRIMARY KEY NOT NULL,
	"guild_id" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"review" boolean DEFAULT false NOT NULL,
	"allow_links" boolean DEFAULT true NOT NULL,
	"rate_limit" integer DEFAULT 5 NOT NULL,
	"rate_window_minutes" integer DEFAULT 10 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "anon_posts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"guild_id" text NOT NULL,
	"channel_id" text NOT NULL,
	"thread_id" text,
	"message_id" text,
	"pseudonym" text NOT NULL,
	"author_seal" text,
	"author_key" text,
	"status" text NOT NULL,
	"pending_content" text,
	"case_id" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "anon_webhooks" (
	"channel_id" text PRIMARY KEY NOT NULL,
	"guild_id" text NOT NULL,
	"webhook_id" text NOT NULL,
	"webhook_token" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "guild_settings" ADD COLUMN "anon_reveal_enabled" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "anon_posts_author_idx" ON "anon_posts" USING btree ("guild_id","author_key","created_at");--> statement-breakpoint
CREATE INDEX "anon_posts_message_idx" ON "anon_posts" USING btree ("message_id");