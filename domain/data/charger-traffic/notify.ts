import { sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client';
import { CHARGER_EVENTS_CHANNEL, type ChargerEvent } from '../../charging/charger-events';

export type { ChargerEventKind } from '../../charging/charger-events';

export function chargerEventQuery(event: ChargerEvent) {
  return sql`select pg_notify(${CHARGER_EVENTS_CHANNEL}, ${JSON.stringify(event)})`;
}

// Called inside the write's transaction: PostgreSQL delivers the NOTIFY on commit, never for a rolled-back write.
export async function notifyChargerEvent(db: Executor, event: ChargerEvent) {
  await db.execute(chargerEventQuery(event));
}
