CREATE TYPE "public"."price_basis" AS ENUM('fixed', 'timeOfUse', 'dayAhead', 'personal');--> statement-breakpoint
CREATE TYPE "public"."statement_status" AS ENUM('due', 'paid', 'refunded', 'void');--> statement-breakpoint
CREATE TABLE "session_cost_lines" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "session_cost_lines_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"transaction_id" integer NOT NULL,
	"account_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"energy_wh" bigint NOT NULL,
	"price_per_kwh" numeric(12, 4),
	"currency" text,
	"cost" numeric(14, 2),
	"basis" "price_basis",
	CONSTRAINT "session_cost_lines_start_key" UNIQUE("transaction_id","starts_at"),
	CONSTRAINT "session_cost_lines_in_order" CHECK ("session_cost_lines"."starts_at" <= "session_cost_lines"."ends_at"),
	CONSTRAINT "session_cost_lines_energy_not_negative" CHECK ("session_cost_lines"."energy_wh" >= 0),
	CONSTRAINT "session_cost_lines_priced_whole" CHECK (("session_cost_lines"."price_per_kwh" is null) = ("session_cost_lines"."cost" is null) and ("session_cost_lines"."cost" is null) = ("session_cost_lines"."currency" is null))
);
--> statement-breakpoint
CREATE TABLE "statements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"user_id" uuid,
	"card_id" uuid,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"session_count" integer NOT NULL,
	"energy_wh" bigint NOT NULL,
	"amount" numeric(14, 2) NOT NULL,
	"currency" text,
	"transfer_reference" text NOT NULL,
	"status" "statement_status" DEFAULT 'due' NOT NULL,
	"paid_at" timestamp with time zone,
	"marked_paid_by" uuid,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"emailed_at" timestamp with time zone,
	CONSTRAINT "statements_transferReference_unique" UNIQUE("transfer_reference"),
	CONSTRAINT "statements_holder_period_key" UNIQUE NULLS NOT DISTINCT("account_id","user_id","card_id","period_start"),
	CONSTRAINT "statements_period_in_order" CHECK ("statements"."period_start" < "statements"."period_end")
);
--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "time_zone" text DEFAULT 'UTC' NOT NULL;--> statement-breakpoint
ALTER TABLE "session_cost_lines" ADD CONSTRAINT "session_cost_lines_transaction_id_transactions_id_fk" FOREIGN KEY ("transaction_id") REFERENCES "public"."transactions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_cost_lines" ADD CONSTRAINT "session_cost_lines_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statements" ADD CONSTRAINT "statements_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statements" ADD CONSTRAINT "statements_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statements" ADD CONSTRAINT "statements_card_id_cards_id_fk" FOREIGN KEY ("card_id") REFERENCES "public"."cards"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statements" ADD CONSTRAINT "statements_marked_paid_by_users_id_fk" FOREIGN KEY ("marked_paid_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "session_cost_lines_account_idx" ON "session_cost_lines" USING btree ("account_id","starts_at");--> statement-breakpoint
CREATE INDEX "statements_account_period_idx" ON "statements" USING btree ("account_id","period_start");--> statement-breakpoint
CREATE INDEX "statements_user_idx" ON "statements" USING btree ("user_id","period_start");--> statement-breakpoint
-- Sessions closed before cost lines existed keep their cost as one line each, at the price they were given.
INSERT INTO "session_cost_lines" ("transaction_id", "account_id", "starts_at", "ends_at", "energy_wh", "price_per_kwh", "currency", "cost", "basis")
SELECT t."id", t."account_id", t."started_at", t."stopped_at", greatest(coalesce(t."energy_wh", 0), 0),
       CASE WHEN p."priced" THEN t."price_per_kwh" END, CASE WHEN p."priced" THEN t."currency" END,
       CASE WHEN p."priced" THEN round(t."cost", 2) END, CASE WHEN p."priced" THEN 'fixed'::"price_basis" END
FROM "transactions" t
CROSS JOIN LATERAL (SELECT t."price_per_kwh" IS NOT NULL AND t."cost" IS NOT NULL AND t."currency" IS NOT NULL AS "priced") p
WHERE t."stopped_at" IS NOT NULL AND t."stopped_at" >= t."started_at";
