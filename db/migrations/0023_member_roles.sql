ALTER TYPE "public"."member_role" ADD VALUE 'driver';--> statement-breakpoint
ALTER TYPE "public"."member_role" ADD VALUE 'guest';--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "access_ends_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "energy_cap_wh" integer;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "charger_ids" uuid[];--> statement-breakpoint
ALTER TABLE "invites" ADD COLUMN "role" "member_role" DEFAULT 'member' NOT NULL;--> statement-breakpoint
ALTER TABLE "invites" ADD COLUMN "access_ends_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "invites" ADD COLUMN "energy_cap_wh" integer;--> statement-breakpoint
ALTER TABLE "invites" ADD COLUMN "charger_ids" uuid[];--> statement-breakpoint
CREATE INDEX "memberships_access_ends_idx" ON "memberships" USING btree ("access_ends_at") WHERE "memberships"."access_ends_at" is not null;