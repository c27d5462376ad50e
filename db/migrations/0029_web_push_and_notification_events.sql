CREATE TYPE "public"."notification_channel" AS ENUM('email', 'push');--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'session-started';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'charger-offline';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'charger-back';--> statement-breakpoint
CREATE TABLE "push_subscriptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"endpoint" text NOT NULL,
	"p256dh" text NOT NULL,
	"auth" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vapid_keys" (
	"id" text PRIMARY KEY DEFAULT 'platform' NOT NULL,
	"public_key" text NOT NULL,
	"sealed_private_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "vapid_keys_single" CHECK ("vapid_keys"."id" = 'platform')
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "quiet_hours_start" time;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "quiet_hours_end" time;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "quiet_hours_zone" text;--> statement-breakpoint
ALTER TABLE "chargers" ADD COLUMN "offline_notice_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD COLUMN "is_push" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "channel" "notification_channel" DEFAULT 'email' NOT NULL;--> statement-breakpoint
ALTER TABLE "push_subscriptions" ADD CONSTRAINT "push_subscriptions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "push_subscriptions_endpoint_key" ON "push_subscriptions" USING btree ("endpoint");--> statement-breakpoint
CREATE INDEX "push_subscriptions_user_idx" ON "push_subscriptions" USING btree ("user_id");