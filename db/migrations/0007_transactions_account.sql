ALTER TABLE "transactions" ADD COLUMN "account_id" uuid;--> statement-breakpoint
UPDATE "transactions" SET "account_id" = "chargers"."account_id" FROM "chargers" WHERE "chargers"."id" = "transactions"."charger_id";--> statement-breakpoint
ALTER TABLE "transactions" ALTER COLUMN "account_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "transactions" ADD CONSTRAINT "transactions_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "transactions_account_started_idx" ON "transactions" USING btree ("account_id","started_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "transactions_account_user_idx" ON "transactions" USING btree ("account_id","user_id");--> statement-breakpoint
CREATE INDEX "transactions_account_open_idx" ON "transactions" USING btree ("account_id","started_at") WHERE "transactions"."stopped_at" is null;