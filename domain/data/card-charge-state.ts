import { sql } from 'drizzle-orm';

export type CardChargeState = 'pending' | 'paid' | 'failed' | 'refunded';

// The state of the one saved-card charge a statement can have (payments_saved_card_once), as a column of a select from
// statements. Written out in full: drizzle names a column of a one-table select without its table, which inside this
// subquery would be the payment's own id.
export function cardChargeOf() {
  return sql<CardChargeState | null>`(select p.status::text from payments p where p.statement_id = "statements"."id" and p.via = 'savedCard')`;
}
