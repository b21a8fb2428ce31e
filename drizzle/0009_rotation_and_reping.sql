ALTER TABLE "guild_settings" ADD COLUMN "reping_urgent_minutes" integer DEFAULT 10 NOT NULL;--> statement-breakpoint
ALTER TABLE "guild_settings" ADD COLUMN "reping_minutes" integer DEFAULT 60 NOT NULL;--> statement-breakpoint
ALTER TABLE "anon_channels" ADD COLUMN "rotation" text DEFAULT 'never' NOT NULL;