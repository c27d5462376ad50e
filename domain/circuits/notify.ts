import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { circuits } from '../../db/schema';
import { CIRCUIT_CHANGED_CHANNEL, type CircuitReason, type CircuitTrigger } from './reasons';

// Called inside the change's transaction: the OCPP server plans the circuit again once it commits.
export async function notifyCircuitChanged(db: Executor, { circuitId, reason, chargerId }: CircuitTrigger & { circuitId: string }) {
  await db.execute(sql`select pg_notify(${CIRCUIT_CHANGED_CHANNEL}, ${JSON.stringify({ circuitId, reason, chargerId })})`);
}

// After a grid reading is stored: every circuit of the account at the grid connection plans again with it.
export async function notifyGridReading(db: Executor, { accountId }: { accountId: string }) {
  const payload = sql`json_build_object('circuitId', ${circuits.id}, 'reason', ${'gridLoadChanged' satisfies CircuitReason}::text, 'chargerId', null)::text`;
  await db.execute(sql`select pg_notify(${CIRCUIT_CHANGED_CHANNEL}, ${payload}) from ${circuits} where ${circuits.accountId} = ${accountId} and ${circuits.followsMeterFeed}`);
}
