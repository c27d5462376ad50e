CREATE TABLE "device_report_parts" (
	"charger_id" uuid NOT NULL,
	"request_id" integer NOT NULL,
	"seq_no" integer NOT NULL,
	"is_last" boolean NOT NULL,
	"generated_at" timestamp with time zone NOT NULL,
	"report_data" jsonb NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "device_report_parts_charger_id_request_id_seq_no_pk" PRIMARY KEY("charger_id","request_id","seq_no")
);
--> statement-breakpoint
CREATE TABLE "device_variables" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"charger_id" uuid NOT NULL,
	"component_name" text NOT NULL,
	"component_instance" text DEFAULT '' NOT NULL,
	"evse_id" integer DEFAULT 0 NOT NULL,
	"connector_id" integer DEFAULT 0 NOT NULL,
	"variable_name" text NOT NULL,
	"variable_instance" text DEFAULT '' NOT NULL,
	"attribute_type" text DEFAULT 'Actual' NOT NULL,
	"value" text,
	"mutability" text DEFAULT 'ReadWrite' NOT NULL,
	"data_type" text,
	"unit" text,
	"min_limit" double precision,
	"max_limit" double precision,
	"values_list" text,
	"last_set_status" text,
	"last_set_at" timestamp with time zone,
	"reported_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "device_report_parts" ADD CONSTRAINT "device_report_parts_charger_id_chargers_id_fk" FOREIGN KEY ("charger_id") REFERENCES "public"."chargers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device_variables" ADD CONSTRAINT "device_variables_charger_id_chargers_id_fk" FOREIGN KEY ("charger_id") REFERENCES "public"."chargers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "device_report_parts_received_idx" ON "device_report_parts" USING btree ("received_at");--> statement-breakpoint
CREATE UNIQUE INDEX "device_variables_attribute_idx" ON "device_variables" USING btree ("charger_id","component_name","component_instance","evse_id","connector_id","variable_name","variable_instance","attribute_type");