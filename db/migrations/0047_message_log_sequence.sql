DROP INDEX "ocpp_messages_charger_idx";--> statement-breakpoint
ALTER TABLE "ocpp_messages" ADD COLUMN "seq" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Written by hand: the messages logged before this migration are numbered in the order they were logged, so the
-- first trim of each charger keeps its newest ones.
UPDATE "ocpp_messages" SET "seq" = "numbered"."seq"
FROM (SELECT "id", row_number() OVER (PARTITION BY "charger_id" ORDER BY "id") AS "seq" FROM "ocpp_messages") AS "numbered"
WHERE "ocpp_messages"."id" = "numbered"."id";--> statement-breakpoint
CREATE INDEX "ocpp_messages_charger_seq_idx" ON "ocpp_messages" USING btree ("charger_id","seq");
