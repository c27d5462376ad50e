CREATE TABLE "circuit_allocations" (
	"transaction_id" integer PRIMARY KEY NOT NULL,
	"circuit_id" uuid NOT NULL,
	"charger_id" uuid NOT NULL,
	"current_a" real NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "circuit_changes" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "circuit_changes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"circuit_id" uuid NOT NULL,
	"charger_id" uuid,
	"transaction_id" integer,
	"current_a" real NOT NULL,
	"reason" text NOT NULL,
	"reason_charger_id" uuid,
	"command_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "circuit_chargers" (
	"charger_id" uuid PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"circuit_id" uuid NOT NULL,
	"phase" smallint DEFAULT 1 NOT NULL,
	"default_share_a" real,
	"planned_online" boolean
);
--> statement-breakpoint
CREATE TABLE "circuits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"name" text NOT NULL,
	"capacity_a" integer NOT NULL,
	"min_current_a" integer DEFAULT 6 NOT NULL,
	"planned_capacity_a" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "charger_power_settings" ADD COLUMN "phases" smallint DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE "charger_power_settings" ADD COLUMN "voltage" smallint DEFAULT 230 NOT NULL;--> statement-breakpoint
ALTER TABLE "circuit_allocations" ADD CONSTRAINT "circuit_allocations_transaction_id_transactions_id_fk" FOREIGN KEY ("transaction_id") REFERENCES "public"."transactions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circuit_allocations" ADD CONSTRAINT "circuit_allocations_circuit_id_circuits_id_fk" FOREIGN KEY ("circuit_id") REFERENCES "public"."circuits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circuit_allocations" ADD CONSTRAINT "circuit_allocations_charger_id_chargers_id_fk" FOREIGN KEY ("charger_id") REFERENCES "public"."chargers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circuit_changes" ADD CONSTRAINT "circuit_changes_circuit_id_circuits_id_fk" FOREIGN KEY ("circuit_id") REFERENCES "public"."circuits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circuit_changes" ADD CONSTRAINT "circuit_changes_charger_id_chargers_id_fk" FOREIGN KEY ("charger_id") REFERENCES "public"."chargers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circuit_changes" ADD CONSTRAINT "circuit_changes_transaction_id_transactions_id_fk" FOREIGN KEY ("transaction_id") REFERENCES "public"."transactions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circuit_changes" ADD CONSTRAINT "circuit_changes_reason_charger_id_chargers_id_fk" FOREIGN KEY ("reason_charger_id") REFERENCES "public"."chargers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circuit_changes" ADD CONSTRAINT "circuit_changes_command_id_charger_commands_id_fk" FOREIGN KEY ("command_id") REFERENCES "public"."charger_commands"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circuit_chargers" ADD CONSTRAINT "circuit_chargers_charger_id_chargers_id_fk" FOREIGN KEY ("charger_id") REFERENCES "public"."chargers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circuit_chargers" ADD CONSTRAINT "circuit_chargers_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circuit_chargers" ADD CONSTRAINT "circuit_chargers_circuit_id_circuits_id_fk" FOREIGN KEY ("circuit_id") REFERENCES "public"."circuits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circuits" ADD CONSTRAINT "circuits_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "circuit_allocations_circuit_idx" ON "circuit_allocations" USING btree ("circuit_id");--> statement-breakpoint
CREATE INDEX "circuit_changes_circuit_idx" ON "circuit_changes" USING btree ("circuit_id","id");--> statement-breakpoint
CREATE INDEX "circuit_chargers_circuit_idx" ON "circuit_chargers" USING btree ("circuit_id");--> statement-breakpoint
CREATE INDEX "circuits_account_idx" ON "circuits" USING btree ("account_id");