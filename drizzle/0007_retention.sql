ALTER TABLE "guild_settings" ADD COLUMN "member_retention_days" integer DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE "guild_settings" ADD COLUMN "case_retention_days" integer DEFAULT 90 NOT NULL;--> statement-breakpoint
ALTER TABLE "guild_settings" ADD COLUMN "audit_retention_days" integer DEFAULT 365 NOT NULL;