CREATE TABLE "charger_provisioning" (
	"charger_id" uuid NOT NULL,
	"key" text NOT NULL,
	"wanted" text NOT NULL,
	"reported" text,
	"outcome" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "charger_provisioning_charger_id_key_pk" PRIMARY KEY("charger_id","key")
);
--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "is_one_session_per_card" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "chargers" ADD COLUMN "meter_sample_interval_sec" integer;--> statement-breakpoint
ALTER TABLE "chargers" ADD COLUMN "meter_measurands" text[];--> statement-breakpoint
ALTER TABLE "chargers" ADD COLUMN "provisioned_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "transactions" ADD COLUMN "unconfirmed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "transactions" ADD COLUMN "closed_by_user_id" uuid;--> statement-breakpoint
ALTER TABLE "transactions" ADD COLUMN "close_note" text;--> statement-breakpoint
ALTER TABLE "charger_provisioning" ADD CONSTRAINT "charger_provisioning_charger_id_chargers_id_fk" FOREIGN KEY ("charger_id") REFERENCES "public"."chargers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transactions" ADD CONSTRAINT "transactions_closed_by_user_id_users_id_fk" FOREIGN KEY ("closed_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;