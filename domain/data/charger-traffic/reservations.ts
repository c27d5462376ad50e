import { and, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client';
import { cards, chargerCommands, reservations, reservationSupport } from '../../../db/schema';
import { FINAL_STATUSES } from '../../commands/actions';
import { UNSUPPORTED_ANSWERS } from '../../reservations/support';
import { upsertFeatureSupport } from './feature-support';
import { sqlTypeOf } from './columns';
import { chargerEventQuery } from './notify';

const OPEN = ['pending', 'active'] as const;

// A ReserveNow the charger did not answer in time may still have reserved the connector: its reservation stays
// pending (cancellable, and ended by the sweep at its expiry) rather than be taken for refused.
const SETTLING_STATUSES = FINAL_STATUSES.filter((status) => status !== 'timeout');

export function isReservationAction(action: string) {
  return action === 'ReserveNow' || action === 'CancelReservation';
}

const isCommandOf = (action: 'ReserveNow' | 'CancelReservation', commandIds?: string[]) =>
  and(
    eq(chargerCommands.action, action),
    eq(chargerCommands.chargerId, reservations.chargerId),
    sql`(${chargerCommands.payload}->>'reservationId')::int = ${reservations.id}`,
    commandIds ? inArray(chargerCommands.id, commandIds) : undefined,
  );

// The ReserveNow.conf status; a CALLERROR's code (the dispatcher writes `Code: message`); else the bus's own status.
const chargerAnswer = sql<string>`coalesce(${chargerCommands.response}->>'status', case when ${chargerCommands.status} = 'failed' then split_part(${chargerCommands.error}, ':', 1) else ${chargerCommands.status}::text end)`;

type Touched = { accountId: string; chargerId: string };

async function notifyReservationEvents(tx: Executor, touched: Touched[]) {
  const seen = new Map(touched.map((row) => [row.chargerId, row]));
  for (const row of seen.values()) await tx.execute(chargerEventQuery({ ...row, kind: 'reservation' }));
}

async function settleReserveCommands(tx: Executor, commandIds?: string[]) {
  const isAccepted = sql`${chargerCommands.status} = 'accepted'`;
  return tx
    .update(reservations)
    .set({
      status: sql`(case when ${isAccepted} then 'active' else 'refused' end)::${sqlTypeOf(reservations.status)}`,
      chargerAnswer,
      endedAt: sql`case when ${isAccepted} then null else now() end`,
    })
    .from(chargerCommands)
    .where(and(eq(reservations.status, 'pending'), isCommandOf('ReserveNow', commandIds), inArray(chargerCommands.status, [...SETTLING_STATUSES])))
    .returning({ accountId: reservations.accountId, chargerId: reservations.chargerId, answer: reservations.chargerAnswer });
}

// Accepted, or Rejected: the charger holds no reservation of that id (1.6 §7.9), so it is over either way.
async function settleCancelCommands(tx: Executor, commandIds?: string[]) {
  return tx
    .update(reservations)
    .set({ status: 'cancelled', endedAt: sql`now()`, cancelledBy: sql`${chargerCommands.requestedBy}` })
    .from(chargerCommands)
    .where(and(inArray(reservations.status, [...OPEN]), isCommandOf('CancelReservation', commandIds), inArray(chargerCommands.status, ['accepted', 'rejected'])))
    .returning({ accountId: reservations.accountId, chargerId: reservations.chargerId });
}

// How the charger's answers to ReserveNow show whether it implements the profile: any ReserveNow.conf says yes,
// a NotImplemented or NotSupported CALLERROR says no; no answer says nothing.
function supportShownBy(answer: string | null): boolean | null {
  if (answer && (UNSUPPORTED_ANSWERS as readonly string[]).includes(answer)) return false;
  return answer === 'Accepted' || answer === 'Faulted' || answer === 'Occupied' || answer === 'Rejected' || answer === 'Unavailable' ? true : null;
}

// Applies finished ReserveNow and CancelReservation commands to their reservations (the given ones, or every one
// still waiting for its command), in the caller's transaction, with the events for the members' pages.
export async function settleReservations(tx: Executor, commandIds?: string[]) {
  const reserved = await settleReserveCommands(tx, commandIds);
  const cancelled = await settleCancelCommands(tx, commandIds);
  for (const row of reserved) {
    const isSupported = supportShownBy(row.answer);
    if (isSupported !== null) await upsertFeatureSupport(tx, reservationSupport, { chargerId: row.chargerId, isSupported, evidence: row.answer ?? '' });
  }
  await notifyReservationEvents(tx, [...reserved, ...cancelled]);
}

// A StartTransaction carrying a reservationId of this charger ends that reservation (OCPP 1.6 §5.13).
export async function useReservation(tx: Executor, { chargerId, reservationId, transactionId }: { chargerId: string; reservationId: number; transactionId: number }) {
  await tx
    .update(reservations)
    .set({ status: 'used', transactionId, endedAt: sql`now()` })
    .where(and(eq(reservations.id, reservationId), eq(reservations.chargerId, chargerId), inArray(reservations.status, [...OPEN])));
}

// Reservations past their expiry end by themselves, as they do at the charger (its own clock ends them there).
export async function expireReservations(tx: Executor) {
  const expired = await tx
    .update(reservations)
    .set({ status: 'expired', endedAt: sql`now()` })
    .where(and(inArray(reservations.status, [...OPEN]), lte(reservations.expiresAt, sql`now()`)))
    .returning({ accountId: reservations.accountId, chargerId: reservations.chargerId });
  await notifyReservationEvents(tx, expired);
  return expired.length;
}

// Whether the card a reservation holds for is a virtual one (presented by the platform) or one for the reader.
export async function isReservedForVirtualCard(db: Executor, { chargerId, reservationId }: { chargerId: string; reservationId: number }) {
  const [row] = await db
    .select({ kind: cards.kind })
    .from(reservations)
    .innerJoin(cards, eq(cards.id, reservations.cardId))
    .where(and(eq(reservations.id, reservationId), eq(reservations.chargerId, chargerId)));
  return row?.kind === 'virtual';
}

// A 2.0.1 charger ends a reservation itself and says so (ReservationStatusUpdate, H01): Expired at its expiry, Removed
// when it took it back (its EVSE became unavailable or faulted, say); an open one here ends the same way.
export async function endReservationByCharger(tx: Executor, { chargerId, reservationId, status }: { chargerId: string; reservationId: number; status: 'expired' | 'cancelled' }) {
  const ended = await tx
    .update(reservations)
    .set({ status, endedAt: sql`now()` })
    .where(and(eq(reservations.id, reservationId), eq(reservations.chargerId, chargerId), inArray(reservations.status, [...OPEN])))
    .returning({ accountId: reservations.accountId, chargerId: reservations.chargerId });
  await notifyReservationEvents(tx, ended);
  return ended.length > 0;
}
