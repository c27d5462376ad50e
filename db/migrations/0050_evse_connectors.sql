CREATE TABLE "evse_connectors" (
	"charger_id" uuid NOT NULL,
	"connector_id" integer NOT NULL,
	"evse_id" integer NOT NULL,
	"evse_connector_id" integer NOT NULL,
	CONSTRAINT "evse_connectors_charger_id_connector_id_pk" PRIMARY KEY("charger_id","connector_id"),
	CONSTRAINT "evse_connectors_numbers_check" CHECK ("evse_connectors"."connector_id" > 0 and "evse_connectors"."evse_id" > 0 and "evse_connectors"."evse_connector_id" > 0)
);
--> statement-breakpoint
ALTER TABLE "evse_connectors" ADD CONSTRAINT "evse_connectors_charger_id_chargers_id_fk" FOREIGN KEY ("charger_id") REFERENCES "public"."chargers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "evse_connectors_evse_idx" ON "evse_connectors" USING btree ("charger_id","evse_id","evse_connector_id");--> statement-breakpoint
-- The 2.0.1 chargers stored so far were numbered EVSE n connector 1 = connector n: each such connector records it.
INSERT INTO "evse_connectors" ("charger_id", "connector_id", "evse_id", "evse_connector_id")
SELECT DISTINCT known.charger_id, known.connector_id, known.connector_id, 1
FROM (
	SELECT "charger_id", "connector_id" FROM "connectors"
	UNION SELECT "charger_id", "connector_id" FROM "transactions"
) AS known
JOIN "chargers" ON "chargers"."id" = known.charger_id
WHERE "chargers"."ocpp_version" = 'ocpp2.0.1' AND known.connector_id BETWEEN 1 AND 16
ON CONFLICT DO NOTHING;
