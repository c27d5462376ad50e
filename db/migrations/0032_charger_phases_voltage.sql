ALTER TABLE "charger_power_settings" ADD COLUMN "phases" smallint DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE "charger_power_settings" ADD COLUMN "voltage" smallint DEFAULT 230 NOT NULL;