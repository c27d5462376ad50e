import { and, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { reservations } from '../../db/schema';
import { getConnectorStatus } from '../data/connectors';
import { getOpenTransaction } from '../data/my-sessions';
import { failure, success, type Result } from '../data/result';

const OCCUPIED = new Set(['Charging', 'SuspendedEV', 'SuspendedEVSE', 'Finishing']);
const OUT_OF_ORDER = new Set(['Faulted', 'Unavailable']);

async function isReservedFor(db: Executor, { chargerId, connectorId, idTag }: { chargerId: string; connectorId: number; idTag: string }) {
  const [row] = await db
    .select({ id: reservations.id })
    .from(reservations)
    .where(
      and(
        eq(reservations.chargerId, chargerId),
        eq(reservations.connectorId, connectorId),
        eq(reservations.idTag, idTag),
        inArray(reservations.status, ['pending', 'active']),
        gt(reservations.expiresAt, sql`now()`),
      ),
    );
  return Boolean(row);
}

// Whether a connector can take a new session or reservation, from what its charger last reported and the sessions
// open there. A connector Reserved for this very card (`idTag`) is free for it: that is what the reservation is for.
export async function connectorReadiness(
  db: Executor,
  place: { chargerId: string; connectorId: number; idTag?: string },
): Promise<Result<null, 'connectorOccupied' | 'connectorFaulted' | 'connectorReserved'>> {
  const status = await getConnectorStatus(db, place);
  if (status && OUT_OF_ORDER.has(status)) return failure('connectorFaulted');
  if ((status && OCCUPIED.has(status)) || (await getOpenTransaction(db, place))) return failure('connectorOccupied');
  if (status === 'Reserved' && !(place.idTag !== undefined && (await isReservedFor(db, { ...place, idTag: place.idTag })))) return failure('connectorReserved');
  return success(null);
}
