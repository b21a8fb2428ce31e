CREATE TABLE "guild_settings" (
	"guild_id" text PRIMARY KEY NOT NULL,
	"moderator_role_id" text,
	"senior_role_id" text,
	"queue_channel_id" text,
	"log_channel_id" text,
	"timezone" text,
	"country" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "command_deploys" (
	"scope" text PRIMARY KEY NOT NULL,
	"hash" text NOT NULL,
	"deployed_at" timestamp with time zone NOT NULL
);
