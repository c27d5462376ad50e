import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { chargers, connectors, reservations, transactions } from '../../db/schema';
import { makeCard, makeCharger } from '../../db/seed/builders';
import { sendCommand } from '../../domain/commands/send';
import { cancelReservation } from '../../domain/reservations/cancel';
import { reserveConnector } from '../../domain/reservations/reserve';
import { waitFor } from './helpers';
import { startSimulator201, transactionEvented } from './simulators';
import { ocppSuite } from './suite';

// Reservations of a 2.0.1 charger, made and cancelled through the domain functions the owner's page calls.
const suite = ocppSuite({ isProvisioning: true, provisionDelayMs: 0 });
const { db } = suite;

const reservationsOf = (chargerId: string) => db.select().from(reservations).where(eq(reservations.chargerId, chargerId));
const isOnline = async (chargerId: string) => (await db.select({ isOnline: chargers.isOnline }).from(chargers).where(eq(chargers.id, chargerId)))[0]?.isOnline;
const statusOf = async (chargerId: string, connectorId: number) =>
  (await db.select({ status: connectors.status }).from(connectors).where(and(eq(connectors.chargerId, chargerId), eq(connectors.connectorId, connectorId))))[0]?.status;

async function bareCharger() {
  const { account } = suite.fixture;
  const charger = await makeCharger(db, { accountId: account.id });
  const client = await suite.connect(suite.server, { identity: charger.identity, protocols: ['ocpp2.0.1'], strictMode: true });
  await waitFor(() => isOnline(charger.id));
  return { charger, client };
}

const reserve = (chargerId: string, cardId: string, minutes = 30) => reserveConnector(db, { userId: suite.fixture.account.owner.id, chargerId, connectorId: 1, cardId, minutes });

describe('ReserveNow and CancelReservation to a 2.0.1 charger', () => {
  it('sends the reservation in 2.0.1 shape (a virtual card as a Central token) and cancels it', async () => {
    const { charger, client } = await bareCharger();
    const received: Record<string, unknown>[] = [];
    client.handle('ReserveNow', async ({ params }) => {
      received.push(params as Record<string, unknown>);
      return { status: 'Accepted' };
    });
    client.handle('CancelReservation', async ({ params }) => {
      received.push(params as Record<string, unknown>);
      return { status: 'Accepted' };
    });
    const card = await makeCard(db, { accountId: suite.fixture.account.id, userId: suite.fixture.account.owner.id, kind: 'virtual' });
    const reserved = await reserve(charger.id, card.id);
    expect(reserved.ok).toBe(true);
    const reservationId = reserved.ok ? reserved.value.reservationId : -1;
    expect(received[0]).toEqual({ id: reservationId, expiryDateTime: expect.any(String), idToken: { idToken: card.idTag, type: 'Central' }, evseId: 1 });
    expect(await reservationsOf(charger.id)).toMatchObject([{ status: 'active', chargerAnswer: 'Accepted' }]);

    expect(await cancelReservation(db, { userId: suite.fixture.account.owner.id, reservationId })).toEqual({ ok: true, value: null });
    expect(received[1]).toEqual({ reservationId });
    expect(await reservationsOf(charger.id)).toMatchObject([{ status: 'cancelled' }]);
  });

  it('names a card for the reader as an ISO 14443 token, and stores a refusal with the charger’s word', async () => {
    const { charger, client } = await bareCharger();
    let token: unknown = null;
    client.handle('ReserveNow', async ({ params }) => {
      token = (params as { idToken: unknown }).idToken;
      return { status: 'Occupied' };
    });
    const card = await makeCard(db, { accountId: suite.fixture.account.id, userId: suite.fixture.account.owner.id, kind: 'physical' });
    expect(await reserve(charger.id, card.id)).toEqual({ ok: false, reason: 'connectorOccupied' });
    expect(token).toEqual({ idToken: card.idTag, type: 'ISO14443' });
    expect(await reservationsOf(charger.id)).toMatchObject([{ status: 'refused', chargerAnswer: 'Occupied' }]);
  });

  it('ends a reservation the charger reports Expired or Removed, and ignores one it does not hold', async () => {
    const { charger, client } = await bareCharger();
    client.handle('ReserveNow', async () => ({ status: 'Accepted' }));
    const card = await makeCard(db, { accountId: suite.fixture.account.id, userId: suite.fixture.account.owner.id, kind: 'virtual' });
    const first = await reserve(charger.id, card.id);
    const firstId = first.ok ? first.value.reservationId : -1;
    expect(await client.call('ReservationStatusUpdate', { reservationId: firstId, reservationUpdateStatus: 'Expired' })).toEqual({});
    expect(await reservationsOf(charger.id)).toMatchObject([{ id: firstId, status: 'expired' }]);

    const second = await reserve(charger.id, card.id);
    const secondId = second.ok ? second.value.reservationId : -1;
    await client.call('ReservationStatusUpdate', { reservationId: secondId, reservationUpdateStatus: 'Removed' });
    // Resent, or about a reservation already over: nothing changes.
    await client.call('ReservationStatusUpdate', { reservationId: firstId, reservationUpdateStatus: 'Removed' });
    const rows = await reservationsOf(charger.id);
    expect(rows.find((row) => row.id === firstId)).toMatchObject({ status: 'expired' });
    expect(rows.find((row) => row.id === secondId)).toMatchObject({ status: 'cancelled' });
  });
});

describe('the 2.0.1 simulator honours reservations', () => {
  it('shows the EVSE Reserved, refuses another card there, and starts for the reserved card, using the reservation', async () => {
    const { account } = suite.fixture;
    const charger = await makeCharger(db, { accountId: account.id });
    const simulator = await startSimulator201(suite.server, { identity: charger.identity, evses: 1 });
    await waitFor(() => isOnline(charger.id));
    const card = await makeCard(db, { accountId: account.id, userId: account.owner.id, kind: 'virtual' });
    const stranger = await makeCard(db, { accountId: account.id, userId: account.owner.id, kind: 'virtual' });
    const reserved = await reserve(charger.id, card.id);
    expect(reserved.ok).toBe(true);
    await waitFor(async () => (await statusOf(charger.id, 1)) === 'Reserved');

    const command = { accountId: account.id, chargerId: charger.id, requestedBy: account.owner.id };
    expect(await sendCommand(db, { ...command, action: 'RemoteStartTransaction', payload: { idTag: stranger.idTag, connectorId: 1 } })).toMatchObject({ ok: true, value: { status: 'rejected' } });
    const started = transactionEvented(simulator, 'transactionStarted', 1);
    expect(await sendCommand(db, { ...command, action: 'RemoteStartTransaction', payload: { idTag: card.idTag, connectorId: 1 } })).toMatchObject({ ok: true, value: { status: 'accepted' } });
    const [session] = await db.select().from(transactions).where(eq(transactions.ocppTransactionId, await started));
    expect(await reservationsOf(charger.id)).toMatchObject([{ status: 'used', transactionId: session!.id }]);
  });

  it('tells the platform when a reservation runs out by the charger’s clock', async () => {
    const { account } = suite.fixture;
    const charger = await makeCharger(db, { accountId: account.id });
    const simulator = await startSimulator201(suite.server, { identity: charger.identity, evses: 1 });
    await waitFor(() => isOnline(charger.id));
    const card = await makeCard(db, { accountId: account.id, userId: account.owner.id, kind: 'virtual' });
    const reserved = await reserve(charger.id, card.id);
    const reservationId = reserved.ok ? reserved.value.reservationId : -1;
    await waitFor(async () => (await statusOf(charger.id, 1)) === 'Reserved');
    // The charger's clock runs ahead of the platform's: it holds the same reservation until a moment from now.
    expect(simulator.reservations.held.reserve({ connectorId: 1, expiryDate: new Date(Date.now() + 100).toISOString(), idTag: card.idTag, reservationId })).toBe('Accepted');
    await waitFor(async () => (await reservationsOf(charger.id))[0]?.status === 'expired');
    await waitFor(async () => (await statusOf(charger.id, 1)) === 'Available');
  });
});
