CREATE TABLE "charging_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "charging_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"charger_id" uuid NOT NULL,
	"connector_id" integer NOT NULL,
	"kind" text NOT NULL,
	"code" text NOT NULL,
	"id_tag" text,
	"error_code" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "charging_events" ADD CONSTRAINT "charging_events_charger_id_chargers_id_fk" FOREIGN KEY ("charger_id") REFERENCES "public"."chargers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "charging_events_charger_idx" ON "charging_events" USING btree ("charger_id","id");