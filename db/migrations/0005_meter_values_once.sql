-- An OCPP server still running during the deploy must not store a new copy between the DELETE and the constraint:
-- its writes wait until the migrations commit (all of them run in one transaction); reads go on.
LOCK TABLE "meter_values" IN SHARE ROW EXCLUSIVE MODE;--> statement-breakpoint
-- A reading stored more than once before this constraint (a resent MeterValues or StopTransaction, transactionData
-- repeating the samples already sent) keeps one row: one linked to a session if any copy is (the unlinked MeterValues
-- sample repeated in the StopTransaction), so no session loses a point of its chart, else the first stored.
DELETE FROM "meter_values" WHERE "id" IN (
  SELECT "id" FROM (
    SELECT "id", row_number() OVER (
      PARTITION BY "charger_id", "sampled_at", "connector_id", "measurand", "phase", "location", "context", "unit", "value"
      ORDER BY "transaction_id" IS NULL, "id") AS "copy"
    FROM "meter_values") AS "copies"
  WHERE "copy" > 1);--> statement-breakpoint
DROP INDEX "meter_values_charger_idx";--> statement-breakpoint
ALTER TABLE "meter_values" ADD CONSTRAINT "meter_values_sample_key" UNIQUE NULLS NOT DISTINCT("charger_id","sampled_at","connector_id","measurand","phase","location","context","unit","value");
