CREATE TABLE "security_extension_support" (
	"charger_id" uuid PRIMARY KEY NOT NULL,
	"is_supported" boolean NOT NULL,
	"evidence" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "diagnostics_requests" ADD COLUMN "log_type" text;--> statement-breakpoint
ALTER TABLE "diagnostics_requests" ADD COLUMN "ocpp_request_id" integer NOT NULL GENERATED ALWAYS AS IDENTITY (sequence name "diagnostics_requests_ocpp_request_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1);--> statement-breakpoint
ALTER TABLE "firmware_updates" ADD COLUMN "signing_certificate" text;--> statement-breakpoint
ALTER TABLE "firmware_updates" ADD COLUMN "signature" text;--> statement-breakpoint
ALTER TABLE "firmware_updates" ADD COLUMN "ocpp_request_id" integer NOT NULL GENERATED ALWAYS AS IDENTITY (sequence name "firmware_updates_ocpp_request_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1);--> statement-breakpoint
ALTER TABLE "security_extension_support" ADD CONSTRAINT "security_extension_support_charger_id_chargers_id_fk" FOREIGN KEY ("charger_id") REFERENCES "public"."chargers"("id") ON DELETE cascade ON UPDATE no action;