CREATE TABLE "charger_certificates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"charger_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"outcome" text NOT NULL,
	"serial_number" text,
	"certificate" text,
	"not_after" timestamp with time zone,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "platform_certificate_authority" (
	"id" text PRIMARY KEY DEFAULT 'platform' NOT NULL,
	"certificate" text NOT NULL,
	"sealed_private_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "platform_certificate_authority_single" CHECK ("platform_certificate_authority"."id" = 'platform')
);
--> statement-breakpoint
ALTER TABLE "chargers" ADD COLUMN "security_profile" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "charger_certificates" ADD CONSTRAINT "charger_certificates_charger_id_chargers_id_fk" FOREIGN KEY ("charger_id") REFERENCES "public"."chargers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charger_certificates" ADD CONSTRAINT "charger_certificates_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "charger_certificates_charger_idx" ON "charger_certificates" USING btree ("charger_id","requested_at");--> statement-breakpoint
ALTER TABLE "chargers" ADD CONSTRAINT "chargers_security_profile_check" CHECK ("chargers"."security_profile" between 1 and 3);