-- Written by hand: drizzle-kit cannot declare a partitioned table. meter_values becomes partitioned by month of
-- sampled_at; every row is copied with its id, and the id sequence goes on after the highest one.
ALTER TABLE "meter_values" RENAME TO "meter_values_unpartitioned";--> statement-breakpoint
ALTER TABLE "meter_values_unpartitioned" RENAME CONSTRAINT "meter_values_pkey" TO "meter_values_unpartitioned_pkey";--> statement-breakpoint
ALTER TABLE "meter_values_unpartitioned" RENAME CONSTRAINT "meter_values_sample_key" TO "meter_values_unpartitioned_sample_key";--> statement-breakpoint
ALTER INDEX "meter_values_transaction_idx" RENAME TO "meter_values_unpartitioned_transaction_idx";--> statement-breakpoint
ALTER SEQUENCE "meter_values_id_seq" RENAME TO "meter_values_unpartitioned_id_seq";--> statement-breakpoint
CREATE SEQUENCE "meter_values_id_seq" AS bigint;--> statement-breakpoint
CREATE TABLE "meter_values" (
	"id" bigint DEFAULT nextval('meter_values_id_seq') NOT NULL,
	"transaction_id" integer,
	"charger_id" uuid NOT NULL,
	"connector_id" integer NOT NULL,
	"sampled_at" timestamp with time zone NOT NULL,
	"measurand" text NOT NULL,
	"phase" text,
	"unit" text,
	"context" text,
	"location" text,
	"value" text NOT NULL,
	"numeric_value" double precision,
	CONSTRAINT "meter_values_pkey" PRIMARY KEY("id","sampled_at"),
	CONSTRAINT "meter_values_sample_key" UNIQUE NULLS NOT DISTINCT("charger_id","sampled_at","connector_id","measurand","phase","location","context","unit","value")
) PARTITION BY RANGE ("sampled_at");--> statement-breakpoint
ALTER SEQUENCE "meter_values_id_seq" OWNED BY "meter_values"."id";--> statement-breakpoint
ALTER TABLE "meter_values" ADD CONSTRAINT "meter_values_transaction_id_transactions_id_fk" FOREIGN KEY ("transaction_id") REFERENCES "public"."transactions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meter_values" ADD CONSTRAINT "meter_values_charger_id_chargers_id_fk" FOREIGN KEY ("charger_id") REFERENCES "public"."chargers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meter_values_transaction_idx" ON "meter_values" USING btree ("transaction_id","sampled_at");--> statement-breakpoint
-- Readings of a month with no partition yet (a charger's clock years off, a month the sweep has not reached).
CREATE TABLE "meter_values_default" PARTITION OF "meter_values" DEFAULT;--> statement-breakpoint
-- The partition of the UTC month holding `instant`, meter_values_pYYYYMM, unless it exists: created on its own,
-- filled with that month's rows from the default partition, then attached (CREATE … PARTITION OF would fail on them,
-- and would lock the whole table while it ran). Used by the OCPP server's partition sweep; one process at a time.
CREATE FUNCTION "meter_values_ensure_month"("instant" timestamp with time zone) RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE
	"first" timestamp with time zone := date_trunc('month', "instant" AT TIME ZONE 'UTC') AT TIME ZONE 'UTC';
	"next" timestamp with time zone := (date_trunc('month', "instant" AT TIME ZONE 'UTC') + interval '1 month') AT TIME ZONE 'UTC';
	"name" text := 'meter_values_p' || to_char(date_trunc('month', "instant" AT TIME ZONE 'UTC'), 'YYYYMM');
BEGIN
	PERFORM pg_advisory_xact_lock(hashtext('meter_values partitions'));
	IF to_regclass(format('public.%I', "name")) IS NOT NULL THEN
		RETURN false;
	END IF;
	EXECUTE format('CREATE TABLE public.%I (LIKE public.meter_values INCLUDING DEFAULTS)', "name");
	EXECUTE format('WITH moved AS (DELETE FROM public.meter_values_default WHERE sampled_at >= $1 AND sampled_at < $2 RETURNING *) INSERT INTO public.%I SELECT * FROM moved', "name") USING "first", "next";
	EXECUTE format('ALTER TABLE public.meter_values ATTACH PARTITION public.%I FOR VALUES FROM (%L) TO (%L)', "name", "first", "next");
	RETURN true;
END
$$;--> statement-breakpoint
-- A partition for each month of the last ten years that holds readings, and for this month and the next three.
SELECT "meter_values_ensure_month"("month") FROM (
	SELECT DISTINCT date_trunc('month', "sampled_at" AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS "month" FROM "meter_values_unpartitioned"
	WHERE "sampled_at" >= now() - interval '10 years' AND "sampled_at" < now() + interval '4 months'
	UNION SELECT now() + make_interval(months => "ahead") FROM generate_series(0, 3) AS "ahead"
) AS "months" ORDER BY "month";--> statement-breakpoint
INSERT INTO "meter_values" ("id", "transaction_id", "charger_id", "connector_id", "sampled_at", "measurand", "phase", "unit", "context", "location", "value", "numeric_value")
SELECT "id", "transaction_id", "charger_id", "connector_id", "sampled_at", "measurand", "phase", "unit", "context", "location", "value", "numeric_value" FROM "meter_values_unpartitioned";--> statement-breakpoint
SELECT setval('meter_values_id_seq', coalesce((SELECT max("id") FROM "meter_values_unpartitioned"), 0) + 1, false);--> statement-breakpoint
DROP TABLE "meter_values_unpartitioned";
