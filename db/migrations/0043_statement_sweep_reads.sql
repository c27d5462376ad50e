ALTER TABLE "accounts" ADD COLUMN "statements_checked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "session_cost_lines" ADD COLUMN "created_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
CREATE INDEX "session_cost_lines_written_idx" ON "session_cost_lines" USING btree ("account_id","created_at");