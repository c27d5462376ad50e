ALTER TABLE "statements" DROP CONSTRAINT "statements_holder_period_key";--> statement-breakpoint
ALTER TABLE "payment_webhook_events" DROP CONSTRAINT "payment_webhook_events_key";--> statement-breakpoint
ALTER TABLE "statements" ADD CONSTRAINT "statements_holder_period_key" UNIQUE NULLS NOT DISTINCT("account_id","user_id","card_id","period_start","currency");--> statement-breakpoint
ALTER TABLE "payment_webhook_events" ADD CONSTRAINT "payment_webhook_events_key" UNIQUE("provider","account_id","event_id");