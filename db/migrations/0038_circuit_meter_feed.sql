ALTER TABLE "circuits" ADD COLUMN "follows_meter_feed" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "circuits" ADD COLUMN "solar_mode" text DEFAULT 'off' NOT NULL;--> statement-breakpoint
ALTER TABLE "circuits" ADD COLUMN "is_solar_charging" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "circuits" ADD COLUMN "solar_crossed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "circuits" ADD COLUMN "planned_feed_live" boolean;--> statement-breakpoint
ALTER TABLE "circuits" ADD COLUMN "planned_budget_a" real;--> statement-breakpoint
ALTER TABLE "circuits" ADD COLUMN "planned_other_load_w" integer;--> statement-breakpoint
ALTER TABLE "circuits" ADD COLUMN "planned_reading_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "circuits_one_feed_per_account" ON "circuits" USING btree ("account_id") WHERE "circuits"."follows_meter_feed";--> statement-breakpoint
ALTER TABLE "circuits" ADD CONSTRAINT "circuits_solar_mode" CHECK ("circuits"."solar_mode" in ('off', 'surplus', 'minimumPlusSurplus'));