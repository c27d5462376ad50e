ALTER TABLE "users" ADD COLUMN "quiet_hours_start" time;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "quiet_hours_end" time;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "quiet_hours_zone" text;