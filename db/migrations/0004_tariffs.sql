CREATE TABLE "tariffs" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "tariffs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"account_id" uuid NOT NULL,
	"charger_id" uuid,
	"price_per_kwh" numeric(12, 4),
	"currency" text,
	"valid_from" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tariffs_price_has_currency" CHECK (("tariffs"."price_per_kwh" is null) = ("tariffs"."currency" is null)),
	CONSTRAINT "tariffs_price_not_negative" CHECK ("tariffs"."price_per_kwh" >= 0),
	CONSTRAINT "tariffs_currency_code" CHECK ("tariffs"."currency" ~ '^[A-Z]{3}$')
);
--> statement-breakpoint
ALTER TABLE "transactions" ADD COLUMN "cost" numeric(14, 4);--> statement-breakpoint
ALTER TABLE "transactions" ADD COLUMN "currency" text;--> statement-breakpoint
ALTER TABLE "transactions" ADD COLUMN "price_per_kwh" numeric(12, 4);--> statement-breakpoint
ALTER TABLE "tariffs" ADD CONSTRAINT "tariffs_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tariffs" ADD CONSTRAINT "tariffs_charger_id_chargers_id_fk" FOREIGN KEY ("charger_id") REFERENCES "public"."chargers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tariffs" ADD CONSTRAINT "tariffs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "tariffs_lookup_idx" ON "tariffs" USING btree ("account_id","charger_id","valid_from");