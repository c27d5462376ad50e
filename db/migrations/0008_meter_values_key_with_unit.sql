-- 0005 was first released with a sample key without the unit (12 Wh and 12 kWh were one reading) and later amended.
-- A database that applied the first version gets the key as the schema has it; on any other this replaces the key
-- with the same one. Adding a column to a unique key cannot make stored rows collide, so nothing is deleted.
ALTER TABLE "meter_values" DROP CONSTRAINT IF EXISTS "meter_values_sample_key";--> statement-breakpoint
ALTER TABLE "meter_values" ADD CONSTRAINT "meter_values_sample_key" UNIQUE NULLS NOT DISTINCT("charger_id","sampled_at","connector_id","measurand","phase","location","context","unit","value");
