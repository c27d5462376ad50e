CREATE TABLE "charger_power_settings" (
	"charger_id" uuid PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"max_power_w" integer,
	"windows" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"time_zone" text NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"send_outcome" text,
	"sent_at" timestamp with time zone,
	"reported_schedule" jsonb
);
--> statement-breakpoint
CREATE TABLE "charger_smart_charging" (
	"charger_id" uuid PRIMARY KEY NOT NULL,
	"is_supported" boolean NOT NULL,
	"max_stack_level" integer,
	"allowed_rate_units" text,
	"max_profiles_installed" integer,
	"read_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "charger_power_settings" ADD CONSTRAINT "charger_power_settings_charger_id_chargers_id_fk" FOREIGN KEY ("charger_id") REFERENCES "public"."chargers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charger_power_settings" ADD CONSTRAINT "charger_power_settings_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charger_power_settings" ADD CONSTRAINT "charger_power_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charger_smart_charging" ADD CONSTRAINT "charger_smart_charging_charger_id_chargers_id_fk" FOREIGN KEY ("charger_id") REFERENCES "public"."chargers"("id") ON DELETE cascade ON UPDATE no action;