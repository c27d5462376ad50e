ALTER TABLE "circuit_chargers" ADD COLUMN "planned_online" boolean;--> statement-breakpoint
ALTER TABLE "circuits" ADD COLUMN "planned_capacity_a" integer;