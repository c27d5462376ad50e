CREATE TABLE "diagnostics_files" (
	"request_id" uuid PRIMARY KEY NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "diagnostics_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"charger_id" uuid NOT NULL,
	"command_id" uuid,
	"requested_by" uuid,
	"start_time" timestamp with time zone,
	"stop_time" timestamp with time zone,
	"upload_token_hash" text NOT NULL,
	"upload_expires_at" timestamp with time zone NOT NULL,
	"uploaded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "diagnostics_requests_uploadTokenHash_unique" UNIQUE("upload_token_hash")
);
--> statement-breakpoint
CREATE TABLE "diagnostics_status_reports" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "diagnostics_status_reports_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"request_id" uuid NOT NULL,
	"status" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "diagnostics_files" ADD CONSTRAINT "diagnostics_files_request_id_diagnostics_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."diagnostics_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diagnostics_requests" ADD CONSTRAINT "diagnostics_requests_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diagnostics_requests" ADD CONSTRAINT "diagnostics_requests_charger_id_chargers_id_fk" FOREIGN KEY ("charger_id") REFERENCES "public"."chargers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diagnostics_requests" ADD CONSTRAINT "diagnostics_requests_command_id_charger_commands_id_fk" FOREIGN KEY ("command_id") REFERENCES "public"."charger_commands"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diagnostics_requests" ADD CONSTRAINT "diagnostics_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diagnostics_status_reports" ADD CONSTRAINT "diagnostics_status_reports_request_id_diagnostics_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."diagnostics_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "diagnostics_requests_charger_idx" ON "diagnostics_requests" USING btree ("charger_id","created_at");--> statement-breakpoint
CREATE INDEX "diagnostics_status_reports_request_idx" ON "diagnostics_status_reports" USING btree ("request_id","received_at");