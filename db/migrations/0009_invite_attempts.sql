CREATE TABLE "invite_attempts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "invite_attempts" ADD CONSTRAINT "invite_attempts_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "invite_attempts_account_idx" ON "invite_attempts" USING btree ("account_id","created_at");--> statement-breakpoint
-- Invitations of the last hour count as attempts, so the hourly limit carries on across this release.
INSERT INTO "invite_attempts" ("account_id", "created_at") SELECT "account_id", "sent_at" FROM "invites" WHERE "sent_at" > now() - interval '1 hour';
