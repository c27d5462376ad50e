-- Samples stored twice before this constraint (a resent MeterValues) keep their first row.
DELETE FROM "meter_values" a USING "meter_values" b
WHERE a."id" > b."id" AND a."charger_id" = b."charger_id" AND a."sampled_at" = b."sampled_at" AND a."connector_id" = b."connector_id"
  AND a."measurand" = b."measurand" AND a."value" = b."value" AND a."phase" IS NOT DISTINCT FROM b."phase"
  AND a."location" IS NOT DISTINCT FROM b."location" AND a."context" IS NOT DISTINCT FROM b."context";--> statement-breakpoint
DROP INDEX "meter_values_charger_idx";--> statement-breakpoint
ALTER TABLE "meter_values" ADD CONSTRAINT "meter_values_sample_key" UNIQUE NULLS NOT DISTINCT("charger_id","sampled_at","connector_id","measurand","phase","location","context","value");
