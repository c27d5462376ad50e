CREATE TABLE "charger_local_lists" (
	"charger_id" uuid PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"accepted_version" integer,
	"held_entries" jsonb,
	"wanted_version" integer DEFAULT 0 NOT NULL,
	"synced_version" integer,
	"support" text DEFAULT 'unknown' NOT NULL,
	"support_note" text,
	"max_length" integer,
	"send_max_length" integer,
	"last_result" text,
	"last_update_type" text,
	"last_entry_count" integer,
	"last_sync_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "charger_local_lists" ADD CONSTRAINT "charger_local_lists_charger_id_chargers_id_fk" FOREIGN KEY ("charger_id") REFERENCES "public"."chargers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charger_local_lists" ADD CONSTRAINT "charger_local_lists_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;