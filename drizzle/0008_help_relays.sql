CREATE TABLE "help_relays" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"guild_id" text NOT NULL,
	"member_seal" text,
	"member_key" text
);
--> statement-breakpoint
ALTER TABLE "help_relays" ADD CONSTRAINT "help_relays_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;