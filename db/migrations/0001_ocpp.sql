CREATE TYPE "public"."card_kind" AS ENUM('physical', 'virtual');--> statement-breakpoint
CREATE TYPE "public"."card_status" AS ENUM('active', 'blocked');--> statement-breakpoint
CREATE TYPE "public"."command_status" AS ENUM('pending', 'sent', 'accepted', 'rejected', 'failed', 'timeout', 'offline', 'expired');--> statement-breakpoint
CREATE TABLE "chargers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"identity" text NOT NULL,
	"name" text NOT NULL,
	"address" text,
	"latitude" double precision,
	"longitude" double precision,
	"connector_count" integer DEFAULT 1 NOT NULL,
	"password_hash" text,
	"vendor" text,
	"model" text,
	"serial_number" text,
	"firmware_version" text,
	"ocpp_version" text,
	"firmware_status" text,
	"diagnostics_status" text,
	"last_boot_at" timestamp with time zone,
	"last_heartbeat_at" timestamp with time zone,
	"last_seen_at" timestamp with time zone,
	"is_online" boolean DEFAULT false NOT NULL,
	"connected_at" timestamp with time zone,
	"disconnected_at" timestamp with time zone,
	"instance_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "connectors" (
	"charger_id" uuid NOT NULL,
	"connector_id" integer NOT NULL,
	"status" text NOT NULL,
	"error_code" text NOT NULL,
	"info" text,
	"vendor_id" text,
	"vendor_error_code" text,
	"status_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "connectors_charger_id_connector_id_pk" PRIMARY KEY("charger_id","connector_id")
);
--> statement-breakpoint
CREATE TABLE "cards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"id_tag" text NOT NULL,
	"kind" "card_kind" NOT NULL,
	"label" text DEFAULT '' NOT NULL,
	"user_id" uuid,
	"status" "card_status" DEFAULT 'active' NOT NULL,
	"expires_at" timestamp with time zone,
	"last_used_at" timestamp with time zone,
	"last_used_charger_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "cards_virtual_has_user" CHECK ("cards"."kind" = 'physical' or "cards"."user_id" is not null),
	CONSTRAINT "cards_id_tag_length" CHECK (length("cards"."id_tag") between 1 and 20)
);
--> statement-breakpoint
CREATE TABLE "meter_values" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "meter_values_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"transaction_id" integer,
	"charger_id" uuid NOT NULL,
	"connector_id" integer NOT NULL,
	"sampled_at" timestamp with time zone NOT NULL,
	"measurand" text NOT NULL,
	"phase" text,
	"unit" text,
	"context" text,
	"location" text,
	"value" text NOT NULL,
	"numeric_value" double precision
);
--> statement-breakpoint
CREATE TABLE "transactions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "transactions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"charger_id" uuid NOT NULL,
	"connector_id" integer NOT NULL,
	"card_id" uuid,
	"user_id" uuid,
	"id_tag" text NOT NULL,
	"authorization_status" text NOT NULL,
	"meter_start_wh" bigint NOT NULL,
	"meter_stop_wh" bigint,
	"started_at" timestamp with time zone NOT NULL,
	"stopped_at" timestamp with time zone,
	"stop_reason" text,
	"stop_id_tag" text,
	"energy_wh" bigint,
	"is_remote_started" boolean DEFAULT false NOT NULL,
	"reservation_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "charger_commands" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"charger_id" uuid NOT NULL,
	"action" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" "command_status" DEFAULT 'pending' NOT NULL,
	"response" jsonb,
	"error" text,
	"requested_by" uuid,
	"claimed_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "data_transfers" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "data_transfers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"charger_id" uuid NOT NULL,
	"vendor_id" text NOT NULL,
	"message_id" text,
	"data" text,
	"status" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ocpp_messages" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ocpp_messages_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"charger_id" uuid NOT NULL,
	"direction" text NOT NULL,
	"message_type" text NOT NULL,
	"action" text,
	"message_id" text NOT NULL,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "chargers" ADD CONSTRAINT "chargers_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connectors" ADD CONSTRAINT "connectors_charger_id_chargers_id_fk" FOREIGN KEY ("charger_id") REFERENCES "public"."chargers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cards" ADD CONSTRAINT "cards_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cards" ADD CONSTRAINT "cards_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cards" ADD CONSTRAINT "cards_last_used_charger_id_chargers_id_fk" FOREIGN KEY ("last_used_charger_id") REFERENCES "public"."chargers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meter_values" ADD CONSTRAINT "meter_values_transaction_id_transactions_id_fk" FOREIGN KEY ("transaction_id") REFERENCES "public"."transactions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meter_values" ADD CONSTRAINT "meter_values_charger_id_chargers_id_fk" FOREIGN KEY ("charger_id") REFERENCES "public"."chargers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transactions" ADD CONSTRAINT "transactions_charger_id_chargers_id_fk" FOREIGN KEY ("charger_id") REFERENCES "public"."chargers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transactions" ADD CONSTRAINT "transactions_card_id_cards_id_fk" FOREIGN KEY ("card_id") REFERENCES "public"."cards"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transactions" ADD CONSTRAINT "transactions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charger_commands" ADD CONSTRAINT "charger_commands_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charger_commands" ADD CONSTRAINT "charger_commands_charger_id_chargers_id_fk" FOREIGN KEY ("charger_id") REFERENCES "public"."chargers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charger_commands" ADD CONSTRAINT "charger_commands_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_transfers" ADD CONSTRAINT "data_transfers_charger_id_chargers_id_fk" FOREIGN KEY ("charger_id") REFERENCES "public"."chargers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ocpp_messages" ADD CONSTRAINT "ocpp_messages_charger_id_chargers_id_fk" FOREIGN KEY ("charger_id") REFERENCES "public"."chargers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "chargers_identity_key" ON "chargers" USING btree ("identity") WHERE "chargers"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "chargers_account_idx" ON "chargers" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "chargers_instance_idx" ON "chargers" USING btree ("instance_id") WHERE "chargers"."is_online";--> statement-breakpoint
CREATE UNIQUE INDEX "cards_account_id_tag_key" ON "cards" USING btree ("account_id",upper("id_tag")) WHERE "cards"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "cards_user_idx" ON "cards" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "meter_values_transaction_idx" ON "meter_values" USING btree ("transaction_id","sampled_at");--> statement-breakpoint
CREATE INDEX "meter_values_charger_idx" ON "meter_values" USING btree ("charger_id","sampled_at");--> statement-breakpoint
CREATE UNIQUE INDEX "transactions_start_key" ON "transactions" USING btree ("charger_id","connector_id","id_tag","started_at","meter_start_wh");--> statement-breakpoint
CREATE INDEX "transactions_charger_started_idx" ON "transactions" USING btree ("charger_id","started_at");--> statement-breakpoint
CREATE INDEX "transactions_open_idx" ON "transactions" USING btree ("charger_id") WHERE "transactions"."stopped_at" is null;--> statement-breakpoint
CREATE INDEX "transactions_user_idx" ON "transactions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "charger_commands_pending_idx" ON "charger_commands" USING btree ("charger_id","created_at") WHERE "charger_commands"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "charger_commands_charger_idx" ON "charger_commands" USING btree ("charger_id","created_at");--> statement-breakpoint
CREATE INDEX "data_transfers_charger_idx" ON "data_transfers" USING btree ("charger_id","created_at");--> statement-breakpoint
CREATE INDEX "ocpp_messages_charger_idx" ON "ocpp_messages" USING btree ("charger_id","id");