CREATE TABLE "cars" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"battery_wh" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cars_battery_positive" CHECK ("cars"."battery_wh" > 0)
);
--> statement-breakpoint
CREATE TABLE "charging_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"charger_id" uuid NOT NULL,
	"connector_id" integer NOT NULL,
	"transaction_id" integer,
	"user_id" uuid,
	"plan" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cars" ADD CONSTRAINT "cars_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charging_plans" ADD CONSTRAINT "charging_plans_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charging_plans" ADD CONSTRAINT "charging_plans_charger_id_chargers_id_fk" FOREIGN KEY ("charger_id") REFERENCES "public"."chargers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charging_plans" ADD CONSTRAINT "charging_plans_transaction_id_transactions_id_fk" FOREIGN KEY ("transaction_id") REFERENCES "public"."transactions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charging_plans" ADD CONSTRAINT "charging_plans_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "cars_user_name_idx" ON "cars" USING btree ("user_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "charging_plans_transaction_idx" ON "charging_plans" USING btree ("transaction_id");--> statement-breakpoint
CREATE INDEX "charging_plans_waiting_idx" ON "charging_plans" USING btree ("charger_id","connector_id") WHERE "charging_plans"."transaction_id" is null;