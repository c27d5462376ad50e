ALTER TYPE "public"."notification_kind" ADD VALUE 'session-started';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'charger-offline';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'charger-back';--> statement-breakpoint
ALTER TABLE "chargers" ADD COLUMN "offline_notice_at" timestamp with time zone;