import { and, eq, isNotNull, isNull, lte, ne, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../../db/client';
import { memberships, transactions } from '../../../db/schema';
import { decide, type CardAuthorization } from '../../charging/authorize-card';
import { priceClosingSession, writeCostLines } from '../session-pricing';
import { markLocalListChanged } from '../local-lists';
import { latestReading } from '../meter-sql';
import { cardRefusal } from '../../charging/charging-events';
import { withCardWrites } from './cards';
import type { ChargerRef } from './chargers';
import { chargerEventQuery, type ChargerEventKind } from './notify';
import { lookUpCardAtCharger, type CardAtChargerLookup } from './card-lookups';
import { useReservation } from './reservations';
import { bindWaitingPlan, dropSessionPlan } from './charging-plans';
import { startOnFreeConnector, type FreeConnectorStart } from './start-on-free-connector';
import { OWNER_CLOSE_REASON } from '../../sessions/stop-reasons';
import { queueSessionFinished, queueSessionStarted } from '../notification-queue';

// The idTag of a session started before any token was presented (an OCPP 2.0.1 charger may start on plug-in); the
// token that comes later is attached to it (session-token.ts). Nothing was refused, so nothing is recorded as such.
export const NO_TOKEN = '';
const TOKEN_TO_COME: CardAuthorization = { status: 'Accepted', expiresAt: null, card: null, parentIdTag: null };

export type StartInput = {
  connectorId: number;
  idTag: string;
  meterStartWh: number;
  startedAt: Date;
  reservationId: number | null;
  // OCPP 2.0.1: the charger's transactionId, in the same insert as the session, so that no session is ever without
  // it; and whether the meter start awaits the first reading.
  ocppTransactionId?: string;
  isMeterStartPending?: boolean;
};

async function findRetriedStart(db: Executor, chargerId: string, input: StartInput) {
  const [row] = await db
    .select({ id: transactions.id })
    .from(transactions)
    .where(
      and(
        eq(transactions.chargerId, chargerId),
        eq(transactions.connectorId, input.connectorId),
        eq(transactions.idTag, input.idTag),
        eq(transactions.startedAt, input.startedAt),
        eq(transactions.meterStartWh, input.meterStartWh),
      ),
    );
  return row!.id;
}

type OpenTransaction = { id: number; chargerId: string; meterStartWh: number };
type Closing = { meterStopWh: number; stoppedAt: Date; reason: string; idTag: string | null };

// Priced over its meter readings with the prices in force at each moment (domain/prices), into cost lines written
// once; a later price change never rewrites a closed session. The meter readings must be stored first. Only an open
// session is closed, or (`isOwnerClosed`) one a member closed by hand, whose figures the charger's own stop replaces.
// Closing it tells its user, however it closed (a StopTransaction, a start that superseded it, a member by hand);
// the charger's figures replacing a hand-closed session's do not tell them twice.
export async function closeTransaction(tx: Executor, open: OpenTransaction, closing: Closing, { isOwnerClosed = false } = {}) {
  const pricing = await priceClosingSession(tx, { transactionId: open.id, meterStopWh: closing.meterStopWh, stoppedAt: closing.stoppedAt });
  const closed = await tx
    .update(transactions)
    .set({
      meterStopWh: closing.meterStopWh,
      stoppedAt: closing.stoppedAt,
      stopReason: closing.reason,
      stopIdTag: closing.idTag,
      energyWh: pricing.energyWh,
      cost: pricing.cost,
      currency: pricing.currency,
      pricePerKwh: pricing.pricePerKwh,
    })
    .where(and(eq(transactions.id, open.id), isOwnerClosed ? eq(transactions.stopReason, OWNER_CLOSE_REASON) : isNull(transactions.stoppedAt)))
    .returning({ id: transactions.id });
  if (closed.length > 0) await writeCostLines(tx, open.id, pricing, { replace: isOwnerClosed });
  if (closed.length > 0 && !isOwnerClosed) await queueSessionFinished(tx, { transactionId: open.id });
  if (closed.length > 0) await refreshListsIfCapped(tx, open.id);
  if (closed.length > 0) await dropSessionPlan(tx, { transactionId: open.id });
}

// The session of a guest with an energy cap may have used it up: the chargers' own lists then refuse their cards too
// (domain/cards/local-list.ts), sent on this transaction's commit.
async function refreshListsIfCapped(tx: Executor, transactionId: number) {
  const [capped] = await tx
    .select({ accountId: memberships.accountId })
    .from(transactions)
    .innerJoin(memberships, and(eq(memberships.accountId, transactions.accountId), eq(memberships.userId, transactions.userId), isNotNull(memberships.energyCapWh)))
    .where(eq(transactions.id, transactionId));
  if (capped) await markLocalListChanged(tx, { accountId: capped.accountId });
}

// A connector runs one transaction at a time, so a StartTransaction (OCPP 1.6 §4.8) means the charger lost the
// StopTransaction of any session still open there (e.g. a reboot dropped its queue). Left open, it would block the
// connector in the app forever; it ends where the new one starts, with the 1.6 stop Reason Other and the last
// energy register reading it sent as its meter stop.
async function closeSupersededTransactions(tx: Executor, ref: ChargerRef, input: StartInput, newId: number) {
  const superseded = await tx
    .select({
      id: transactions.id,
      chargerId: transactions.chargerId,
      meterStartWh: transactions.meterStartWh,
      lastMeterWh: latestReading(transactions.id, 'Energy.Active.Import.Register'),
    })
    .from(transactions)
    .where(
      and(
        eq(transactions.chargerId, ref.chargerId),
        eq(transactions.connectorId, input.connectorId),
        isNull(transactions.stoppedAt),
        lte(transactions.startedAt, input.startedAt),
        ne(transactions.id, newId),
      ),
    )
    .for('no key update');
  for (const { lastMeterWh, ...open } of superseded) {
    const meterStopWh = lastMeterWh === null ? open.meterStartWh : Math.round(Number(lastMeterWh));
    await closeTransaction(tx, open, { meterStopWh, stoppedAt: input.startedAt, reason: 'Other', idTag: null });
  }
  return superseded.length;
}

// The charger server's batched store (batched.ts), or a statement per call.
export type StartTraffic = { lookUpCard: CardAtChargerLookup; startOnFreeConnector: (start: FreeConnectorStart) => Promise<number | null> };

const oneByOne = (db: Database): StartTraffic => ({
  lookUpCard: (lookup) => lookUpCardAtCharger(db, lookup),
  startOnFreeConnector: (start) => startOnFreeConnector(db, start),
});

// The lookup goes first, outside the transaction (it would otherwise hold a pooled connection across it): the card
// and the platform's own remote start for the tag. Then a start on a free connector, with no reservation, is one
// write. The charger server shares both statements with other chargers' starts (`traffic`, its batched store;
// card-lookups.ts, start-on-free-connector.ts). Any other start is a transaction: the insert, the close of anything
// it supersedes, and one statement touching the card with the NOTIFYs.
export async function startTransaction(db: Database, ref: ChargerRef, input: StartInput, traffic: StartTraffic = oneByOne(db)) {
  const { card, remoteStart } = input.idTag === NO_TOKEN
    ? { card: null, remoteStart: null }
    : await traffic.lookUpCard({ accountId: ref.accountId, idTag: input.idTag, chargerId: ref.chargerId, connectorId: input.connectorId });
  const authorization = input.idTag === NO_TOKEN ? TOKEN_TO_COME : decide(card, remoteStart ? 'remoteStart' : 'charger', new Date());
  const refusal = cardRefusal(card, authorization.status);
  const refused = refusal && { connectorId: input.connectorId, refusal, idTag: input.idTag };
  if (input.reservationId === null) {
    const session = {
      ...input,
      cardId: authorization.card?.id ?? null,
      userId: authorization.card?.userId ?? remoteStart?.requestedBy ?? null,
      authorizationStatus: authorization.status,
      isRemoteStarted: remoteStart !== null,
    };
    const transactionId = await traffic.startOnFreeConnector({ ref: { chargerId: ref.chargerId, accountId: ref.accountId }, session, refusal, planCommandId: remoteStart?.id ?? null });
    if (transactionId !== null) return { transactionId, authorization, isRetry: false };
  }
  return db.transaction(async (tx) => {
    // §4.8: the charger starts regardless and expects a transactionId even when the tag is refused.
    const [inserted] = await tx
      .insert(transactions)
      .values({
        chargerId: ref.chargerId,
        accountId: ref.accountId,
        ...input,
        cardId: authorization.card?.id ?? null,
        userId: authorization.card?.userId ?? remoteStart?.requestedBy ?? null,
        authorizationStatus: authorization.status,
        isRemoteStarted: remoteStart !== null,
      })
      .onConflictDoNothing()
      .returning({ id: transactions.id });
    // A retried start changes nothing: whatever it superseded was closed by the first attempt.
    if (!inserted) return { transactionId: await findRetriedStart(tx, ref.chargerId, input), authorization, isRetry: true };
    const superseded = await closeSupersededTransactions(tx, ref, input, inserted.id);
    await queueSessionStarted(tx, { transactionId: inserted.id });
    if (remoteStart) await bindWaitingPlan(tx, { commandId: remoteStart.id, transactionId: inserted.id });
    if (input.reservationId !== null) await useReservation(tx, { chargerId: ref.chargerId, reservationId: input.reservationId, transactionId: inserted.id });
    const kinds: ChargerEventKind[] = superseded > 0 ? ['transaction-stopped', 'transaction-started'] : ['transaction-started'];
    const notify = sql.join(
      kinds.map((kind) => chargerEventQuery({ ...ref, kind })),
      sql` union all `,
    );
    await tx.execute(withCardWrites(ref, notify, { cardId: authorization.card?.id ?? null, refused }));
    return { transactionId: inserted.id, authorization, isRetry: false };
  });
}
