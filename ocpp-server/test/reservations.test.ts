import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { chargers, reservations, reservationSupport } from '../../db/schema';
import { makeCard, makeCharger } from '../../db/seed/builders';
import { cancelReservation } from '../../domain/reservations/cancel';
import { reserveConnector } from '../../domain/reservations/reserve';
import { createRPCError } from '../src/ocpp/rpc';
import { waitFor } from './helpers';
import { startSimulator } from './simulators';
import { ocppSuite } from './suite';

// Provisioning on: it reads SupportedFeatureProfiles at each boot.
const suite = ocppSuite({ isProvisioning: true, provisionDelayMs: 0 });
const { db } = suite;

const reservationsOf = (chargerId: string) => db.select().from(reservations).where(eq(reservations.chargerId, chargerId));
const supportOf = async (chargerId: string) => (await db.select().from(reservationSupport).where(eq(reservationSupport.chargerId, chargerId)))[0];

// A charger of the suite's account, connected as a bare client answering ReserveNow as `answer` does.
async function chargerAnswering(answer: () => Promise<Record<string, unknown>>) {
  const { account } = suite.fixture;
  const charger = await makeCharger(db, { accountId: account.id });
  const client = await suite.connect(suite.server, { identity: charger.identity });
  client.handle('ReserveNow', answer);
  await waitFor(async () => (await db.select({ isOnline: chargers.isOnline }).from(chargers).where(eq(chargers.id, charger.id)))[0]?.isOnline);
  const card = await makeCard(db, { accountId: account.id, userId: account.owner.id, kind: 'virtual' });
  const reserve = () => reserveConnector(db, { userId: account.owner.id, chargerId: charger.id, connectorId: 1, cardId: card.id, minutes: 30 });
  return { charger, client, reserve };
}

describe('ReserveNow answers', () => {
  const refusals = [
    ['Faulted', 'reserveFaulted'],
    ['Occupied', 'connectorOccupied'],
    ['Rejected', 'reserveRejected'],
    ['Unavailable', 'reserveUnavailable'],
  ] as const;
  for (const [status, reason] of refusals) {
    it(`stores ${status} as a refused reservation and tells the user why`, async () => {
      const { charger, reserve } = await chargerAnswering(async () => ({ status }));
      expect(await reserve()).toEqual({ ok: false, reason });
      expect(await reservationsOf(charger.id)).toMatchObject([{ status: 'refused', chargerAnswer: status }]);
      expect(await supportOf(charger.id)).toMatchObject({ isSupported: true });
      // The connector is free for the next attempt.
      expect(await reserve()).toEqual({ ok: false, reason });
    });
  }

  it('notes a NotSupported CALLERROR as a charger without reservations', async () => {
    const { charger, reserve } = await chargerAnswering(async () => {
      throw createRPCError('NotSupported', 'no reservations here');
    });
    expect(await reserve()).toEqual({ ok: false, reason: 'reservationsUnsupported' });
    expect(await reservationsOf(charger.id)).toMatchObject([{ status: 'refused', chargerAnswer: 'NotSupported' }]);
    expect(await supportOf(charger.id)).toMatchObject({ isSupported: false, evidence: 'NotSupported' });
  });

  it('ends the reservation when the charger answers Rejected to its cancellation (it holds no such reservation, 1.6 §7.9)', async () => {
    const { charger, client, reserve } = await chargerAnswering(async () => ({ status: 'Accepted' }));
    client.handle('CancelReservation', async () => ({ status: 'Rejected' }));
    const reserved = await reserve();
    expect(reserved.ok).toBe(true);
    const reservationId = reserved.ok ? reserved.value.reservationId : -1;
    expect(await cancelReservation(db, { userId: suite.fixture.account.owner.id, reservationId })).toEqual({ ok: true, value: null });
    expect(await reservationsOf(charger.id)).toMatchObject([{ status: 'cancelled' }]);
    // The connector can be reserved again.
    expect((await reserve()).ok).toBe(true);
  });

  it('keeps a reservation the charger did not answer in time as waiting, and it can still be cancelled', async () => {
    let answers = 0;
    const { charger, client, reserve } = await chargerAnswering(async () => {
      answers++;
      // Past the server's call timeout: the charger may still have reserved the connector.
      return new Promise(() => {});
    });
    client.handle('CancelReservation', async () => ({ status: 'Accepted' }));
    expect(await reserve()).toEqual({ ok: false, reason: 'reserveNoAnswer' });
    expect(answers).toBe(1);
    const [waiting] = await reservationsOf(charger.id);
    expect(waiting).toMatchObject({ status: 'pending' });
    expect(await cancelReservation(db, { userId: suite.fixture.account.owner.id, reservationId: waiting!.id })).toEqual({ ok: true, value: null });
    expect(await reservationsOf(charger.id)).toMatchObject([{ status: 'cancelled' }]);
  });

  it('refuses at once for a charger that is away, and holds nothing', async () => {
    const { charger, client, reserve } = await chargerAnswering(async () => ({ status: 'Accepted' }));
    await client.close({ force: true });
    await waitFor(async () => !(await db.select({ isOnline: chargers.isOnline }).from(chargers).where(eq(chargers.id, charger.id)))[0]?.isOnline);
    expect(await reserve()).toEqual({ ok: false, reason: 'chargerOffline' });
    expect(await reservationsOf(charger.id)).toHaveLength(0);
  });
});

describe('SupportedFeatureProfiles', () => {
  it('reads at boot whether the charger implements the Reservation profile', async () => {
    const { account } = suite.fixture;
    const without = await makeCharger(db, { accountId: account.id });
    const withIt = await makeCharger(db, { accountId: account.id });
    await startSimulator(suite.server, { identity: without.identity, supportsReservations: false });
    await startSimulator(suite.server, { identity: withIt.identity });
    expect(await waitFor(() => supportOf(without.id))).toMatchObject({ isSupported: false, evidence: 'SupportedFeatureProfiles' });
    expect(await waitFor(() => supportOf(withIt.id))).toMatchObject({ isSupported: true, evidence: 'SupportedFeatureProfiles' });
  });
});
