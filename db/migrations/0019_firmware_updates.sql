CREATE TABLE "firmware_files" (
	"update_id" uuid PRIMARY KEY NOT NULL,
	"content" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "firmware_status_reports" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "firmware_status_reports_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"update_id" uuid NOT NULL,
	"status" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "firmware_updates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"charger_id" uuid NOT NULL,
	"requested_by" uuid,
	"command_id" uuid,
	"file_name" text,
	"file_size" integer,
	"source_url" text,
	"token_hash" text,
	"token_expires_at" timestamp with time zone,
	"retrieve_at" timestamp with time zone NOT NULL,
	"retries" integer NOT NULL,
	"retry_interval_seconds" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "firmware_updates_tokenHash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "firmware_files" ADD CONSTRAINT "firmware_files_update_id_firmware_updates_id_fk" FOREIGN KEY ("update_id") REFERENCES "public"."firmware_updates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "firmware_status_reports" ADD CONSTRAINT "firmware_status_reports_update_id_firmware_updates_id_fk" FOREIGN KEY ("update_id") REFERENCES "public"."firmware_updates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "firmware_updates" ADD CONSTRAINT "firmware_updates_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "firmware_updates" ADD CONSTRAINT "firmware_updates_charger_id_chargers_id_fk" FOREIGN KEY ("charger_id") REFERENCES "public"."chargers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "firmware_updates" ADD CONSTRAINT "firmware_updates_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "firmware_updates" ADD CONSTRAINT "firmware_updates_command_id_charger_commands_id_fk" FOREIGN KEY ("command_id") REFERENCES "public"."charger_commands"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "firmware_status_reports_update_idx" ON "firmware_status_reports" USING btree ("update_id","received_at");--> statement-breakpoint
CREATE INDEX "firmware_updates_charger_idx" ON "firmware_updates" USING btree ("charger_id","created_at");