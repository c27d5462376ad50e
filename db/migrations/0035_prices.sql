CREATE TYPE "public"."price_kind" AS ENUM('fixed', 'timeOfUse', 'dayAhead');--> statement-breakpoint
CREATE TABLE "day_ahead_feeds" (
	"account_id" uuid PRIMARY KEY NOT NULL,
	"url" text NOT NULL,
	"last_attempt_at" timestamp with time zone,
	"last_success_at" timestamp with time zone,
	"last_error" text,
	"last_error_line" bigint,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "day_ahead_prices" (
	"account_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"price_per_kwh" numeric(12, 4) NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "day_ahead_prices_account_id_starts_at_pk" PRIMARY KEY("account_id","starts_at")
);
--> statement-breakpoint
CREATE TABLE "personal_prices" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "personal_prices_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"account_id" uuid NOT NULL,
	"user_id" uuid,
	"card_id" uuid,
	"price_per_kwh" numeric(12, 4),
	"currency" text,
	"valid_from" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "personal_prices_one_holder" CHECK (("personal_prices"."user_id" is null) <> ("personal_prices"."card_id" is null)),
	CONSTRAINT "personal_prices_price_has_currency" CHECK (("personal_prices"."price_per_kwh" is null) = ("personal_prices"."currency" is null)),
	CONSTRAINT "personal_prices_not_negative" CHECK ("personal_prices"."price_per_kwh" >= 0),
	CONSTRAINT "personal_prices_currency_code" CHECK ("personal_prices"."currency" ~ '^[A-Z]{3}$')
);
--> statement-breakpoint
ALTER TABLE "tariffs" DROP CONSTRAINT "tariffs_price_has_currency";--> statement-breakpoint
ALTER TABLE "tariffs" ADD COLUMN "kind" "price_kind" DEFAULT 'fixed' NOT NULL;--> statement-breakpoint
ALTER TABLE "tariffs" ADD COLUMN "periods" jsonb;--> statement-breakpoint
ALTER TABLE "day_ahead_feeds" ADD CONSTRAINT "day_ahead_feeds_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "day_ahead_feeds" ADD CONSTRAINT "day_ahead_feeds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "day_ahead_prices" ADD CONSTRAINT "day_ahead_prices_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "personal_prices" ADD CONSTRAINT "personal_prices_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "personal_prices" ADD CONSTRAINT "personal_prices_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "personal_prices" ADD CONSTRAINT "personal_prices_card_id_cards_id_fk" FOREIGN KEY ("card_id") REFERENCES "public"."cards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "personal_prices" ADD CONSTRAINT "personal_prices_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "personal_prices_user_idx" ON "personal_prices" USING btree ("account_id","user_id","valid_from");--> statement-breakpoint
CREATE INDEX "personal_prices_card_idx" ON "personal_prices" USING btree ("account_id","card_id","valid_from");--> statement-breakpoint
ALTER TABLE "tariffs" ADD CONSTRAINT "tariffs_kind_whole" CHECK (case "tariffs"."kind"
        when 'timeOfUse' then "tariffs"."periods" is not null and "tariffs"."price_per_kwh" is null and "tariffs"."currency" is not null
        when 'dayAhead' then "tariffs"."periods" is null and "tariffs"."price_per_kwh" is not null and "tariffs"."currency" is not null
        else "tariffs"."periods" is null and ("tariffs"."price_per_kwh" is null) = ("tariffs"."currency" is null) end);