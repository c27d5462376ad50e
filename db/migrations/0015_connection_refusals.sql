CREATE TABLE "connection_refusals" (
	"charger_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"count" integer NOT NULL,
	"first_at" timestamp with time zone NOT NULL,
	"last_at" timestamp with time zone NOT NULL,
	"remote_address" text,
	"detail" text,
	CONSTRAINT "connection_refusals_charger_id_reason_pk" PRIMARY KEY("charger_id","reason")
);
--> statement-breakpoint
ALTER TABLE "connection_refusals" ADD CONSTRAINT "connection_refusals_charger_id_chargers_id_fk" FOREIGN KEY ("charger_id") REFERENCES "public"."chargers"("id") ON DELETE cascade ON UPDATE no action;