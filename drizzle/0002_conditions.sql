CREATE TABLE "condition_memberships" (
	"condition_id" uuid NOT NULL,
	"guild_id" text NOT NULL,
	"member_id" text NOT NULL,
	"joined_at" timestamp with time zone NOT NULL,
	CONSTRAINT "condition_memberships_condition_id_member_id_pk" PRIMARY KEY("condition_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "conditions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"guild_id" text NOT NULL,
	"name" text NOT NULL,
	"name_key" text NOT NULL,
	"description" text NOT NULL,
	"emoji" text,
	"channel_id" text NOT NULL,
	"role_id" text,
	"discreet" boolean DEFAULT false NOT NULL,
	"greeting" boolean DEFAULT true NOT NULL,
	"owns_role" boolean DEFAULT false NOT NULL,
	"owns_channel" boolean DEFAULT false NOT NULL,
	"broken_reason" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"archived_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "condition_memberships" ADD CONSTRAINT "condition_memberships_condition_id_conditions_id_fk" FOREIGN KEY ("condition_id") REFERENCES "public"."conditions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "condition_memberships_member_idx" ON "condition_memberships" USING btree ("guild_id","member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "conditions_live_name_uq" ON "conditions" USING btree ("guild_id","name_key") WHERE archived_at is null;--> statement-breakpoint
CREATE INDEX "conditions_channel_idx" ON "conditions" USING btree ("channel_id");--> statement-breakpoint
CREATE INDEX "conditions_role_idx" ON "conditions" USING btree ("role_id");