import { sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client';

export const CHARGER_EVENTS_CHANNEL = 'charger_events';

export type ChargerEventKind =
  | 'connected'
  | 'disconnected'
  | 'boot'
  | 'heartbeat'
  | 'status'
  | 'authorize'
  | 'transaction-started'
  | 'transaction-stopped'
  | 'meter-values'
  | 'data-transfer'
  | 'diagnostics-status'
  | 'firmware-status';

export type ChargerEvent = { accountId: string; chargerId: string; kind: ChargerEventKind };

// Called inside the write's transaction: PostgreSQL delivers the NOTIFY on commit, never for a rolled-back write.
export async function notifyChargerEvent(db: Executor, event: ChargerEvent) {
  await db.execute(sql`select pg_notify(${CHARGER_EVENTS_CHANNEL}, ${JSON.stringify(event)})`);
}
