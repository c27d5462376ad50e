DROP INDEX "notifications_pending_idx";--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "next_attempt_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "notifications_live_idx" ON "notifications" USING btree ("created_at") WHERE "notifications"."state" in ('pending', 'sending');--> statement-breakpoint
CREATE INDEX "notifications_done_idx" ON "notifications" USING btree ("created_at") WHERE "notifications"."state" in ('sent', 'failed');