import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { CIRCUIT_CHANGED_CHANNEL, type CircuitTrigger } from './reasons';

// Called inside the change's transaction: the OCPP server plans the circuit again once it commits.
export async function notifyCircuitChanged(db: Executor, { circuitId, reason, chargerId }: CircuitTrigger & { circuitId: string }) {
  await db.execute(sql`select pg_notify(${CIRCUIT_CHANGED_CHANNEL}, ${JSON.stringify({ circuitId, reason, chargerId })})`);
}
