import { sql, type Column } from 'drizzle-orm';

export type CardChargeState = 'pending' | 'paid' | 'failed' | 'refunded';

// The state of the one saved-card charge a statement can have (payments_saved_card_once), as a column of a select.
export function cardChargeOf(statementId: Column) {
  return sql<CardChargeState | null>`(select p.status::text from payments p where p.statement_id = ${statementId} and p.via = 'savedCard')`;
}
