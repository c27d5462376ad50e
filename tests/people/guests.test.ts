// A guest's access at a real charger: the simulated charger asks the OCPP server over a real socket, and the guest
// sweep of that server ends the membership once the end time has passed.
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { cards, memberships } from '@/db/schema';
import { makeCard, makeUser } from '@/db/seed/builders';
import { waitFor } from '@/ocpp-server/test/helpers';
import { transactionAnswered } from '@/ocpp-server/test/simulators';
import { chargingSuite } from '../charge/charging-suite';

const { db, setup } = chargingSuite({ guestSweepMs: 200 });

async function guestOf(accountId: string, limits: { accessEndsAt: Date; energyCapWh?: number; chargerIds?: string[] }) {
  const guest = await makeUser(db, { emailVerifiedAt: new Date() });
  await db.insert(memberships).values({ accountId, userId: guest.id, role: 'guest', ...limits });
  const card = await makeCard(db, { accountId, userId: guest.id, kind: 'physical' });
  return { guest, card };
}

const membershipOf = async (accountId: string, userId: string) =>
  (await db.select().from(memberships).where(and(eq(memberships.accountId, accountId), eq(memberships.userId, userId))))[0] ?? null;

describe('a guest', () => {
  it('is accepted at the charger until their end time, refused from then on, and then removed with their card blocked', async () => {
    const { account, simulator } = await setup();
    const endsAt = new Date(Date.now() + 1500);
    const { guest, card } = await guestOf(account.id, { accessEndsAt: endsAt });
    expect(await simulator.authorize(card.idTag)).toBe('Accepted');

    await waitFor(async () => Date.now() > endsAt.getTime());
    expect(await simulator.authorize(card.idTag)).toBe('Invalid');
    expect(await simulator.startSession(1, card.idTag)).toBe(false);

    await waitFor(async () => (await membershipOf(account.id, guest.id)) === null);
    const [blocked] = await db.select().from(cards).where(eq(cards.id, card.id));
    expect(blocked?.status).toBe('blocked');
  });

  it('has their running session stopped at the charger when their access ends', async () => {
    const { account, simulator } = await setup();
    const { card } = await guestOf(account.id, { accessEndsAt: new Date(Date.now() + 2000) });
    const started = transactionAnswered(simulator, 'transactionStarted', 1);
    expect(await simulator.startSession(1, card.idTag)).toBe(true);
    const transactionId = await started;
    const stopped = await transactionAnswered(simulator, 'transactionStopped', 1);
    expect(stopped).toBe(transactionId);
    expect(simulator.session(1)).toBeNull();
  });

  it('is refused at a charger outside the ones they were given, and accepted at theirs', async () => {
    const { account, charger, simulator } = await setup();
    const later = new Date(Date.now() + 3600_000);
    const elsewhere = await guestOf(account.id, { accessEndsAt: later, chargerIds: [crypto.randomUUID()] });
    const here = await guestOf(account.id, { accessEndsAt: later, chargerIds: [charger.id] });
    expect(await simulator.authorize(elsewhere.card.idTag)).toBe('Invalid');
    expect(await simulator.authorize(here.card.idTag)).toBe('Accepted');
  });

  it('is refused once their sessions have used up their energy cap', async () => {
    const { account, simulator } = await setup({ powerW: 36_000 });
    const { card } = await guestOf(account.id, { accessEndsAt: new Date(Date.now() + 3600_000), energyCapWh: 5 });
    const started = transactionAnswered(simulator, 'transactionStarted', 1);
    expect(await simulator.startSession(1, card.idTag)).toBe(true);
    await started;
    const stopped = transactionAnswered(simulator, 'transactionStopped', 1);
    await waitFor(async () => simulator.meterReading(1) > 10);
    await simulator.stopSession(1);
    await stopped;
    expect(await simulator.authorize(card.idTag)).toBe('Invalid');
  });
});
