import { and, eq, isNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { chargerCommands, transactions } from '@/db/schema';
import { makeAccount, makeCard, makeCharger, makeUser } from '@/db/seed/builders';
import { startCharging } from '@/lib/charge/start-charging';
import { stopCharging } from '@/lib/charge/stop-charging';
import { waitFor } from '@/ocpp-server/test/helpers';
import { chargingSuite } from './charging-suite';
// The web app's own pool, as the server actions use it.
import { db as webDb } from '@/lib/db';

const { db, setup: setupAccount } = chargingSuite();

// An account with a connected simulated charger, its owner, and a member who drives.
async function setup({ authorizesRemoteStarts = false } = {}) {
  const { member, ...rest } = await setupAccount({ authorizesRemoteStarts });
  return { driver: member, ...rest };
}

const openSessions = (chargerId: string) =>
  db.select().from(transactions).where(and(eq(transactions.chargerId, chargerId), isNull(transactions.stoppedAt)));

describe('starting charging from the app', () => {
  it("starts with the user's own virtual card, once, even when asked twice at the same moment", async () => {
    const { driver, account, charger } = await setup();
    const card = await makeCard(db, { accountId: account.id, userId: driver.id, kind: 'virtual' });
    const request = { userId: driver.id, chargerId: charger.id, connectorId: 1, cardId: card.id };

    expect(await Promise.all([startCharging(webDb(), request), startCharging(webDb(), request)])).toEqual([{ ok: true, value: null }, { ok: true, value: null }]);

    const [session] = await waitFor(async () => {
      const rows = await openSessions(charger.id);
      return rows.length > 0 && rows;
    });
    expect(session).toMatchObject({ connectorId: 1, cardId: card.id, userId: driver.id, isRemoteStarted: true });
    const starts = await db.select().from(chargerCommands).where(and(eq(chargerCommands.chargerId, charger.id), eq(chargerCommands.action, 'RemoteStartTransaction')));
    expect(starts).toHaveLength(1);

    expect(await stopCharging(webDb(), { userId: driver.id, transactionId: session!.id })).toEqual({ ok: true, value: null });
    await waitFor(async () => (await openSessions(charger.id)).length === 0);
  });

  it('starts on a charger that asks to authorize the remote start first (AuthorizeRemoteTxRequests)', async () => {
    const { driver, account, charger, simulator } = await setup({ authorizesRemoteStarts: true });
    const card = await makeCard(db, { accountId: account.id, userId: driver.id, kind: 'virtual' });
    const authorized = new Promise<string>((resolve) => simulator.once('authorized', ({ status }: { status: string }) => resolve(status)));

    expect(await startCharging(webDb(), { userId: driver.id, chargerId: charger.id, connectorId: 1, cardId: card.id })).toEqual({ ok: true, value: null });

    expect(await authorized).toBe('Accepted');
    const [session] = await waitFor(async () => {
      const rows = await openSessions(charger.id);
      return rows.length > 0 && rows;
    });
    expect(session).toMatchObject({ connectorId: 1, cardId: card.id, userId: driver.id, isRemoteStarted: true, authorizationStatus: 'Accepted' });
  });

  it("refuses someone else's card, a blocked card and an expired card, and sends the charger nothing", async () => {
    const { owner, driver, account, charger } = await setup();
    const ownersCard = await makeCard(db, { accountId: account.id, userId: owner.id, kind: 'virtual' });
    const blocked = await makeCard(db, { accountId: account.id, userId: driver.id, status: 'blocked' });
    const expired = await makeCard(db, { accountId: account.id, userId: driver.id, expiresAt: new Date(Date.now() - 60_000) });
    for (const card of [ownersCard, blocked, expired]) {
      expect(await startCharging(webDb(), { userId: driver.id, chargerId: charger.id, connectorId: 1, cardId: card.id })).toEqual({ ok: false, reason: 'noValidCard' });
    }
    expect(await db.select().from(chargerCommands).where(eq(chargerCommands.chargerId, charger.id))).toHaveLength(0);
  });

  it("refuses a charger of an account the user does not belong to, and a stranger's stop", async () => {
    const { driver, account, charger } = await setup();
    const card = await makeCard(db, { accountId: account.id, userId: driver.id, kind: 'virtual' });
    const stranger = await makeUser(db, { emailVerifiedAt: new Date() });
    await makeAccount(db, { owner: stranger });
    expect(await startCharging(webDb(), { userId: stranger.id, chargerId: charger.id, connectorId: 1, cardId: card.id })).toEqual({ ok: false, reason: 'notFound' });

    expect(await startCharging(webDb(), { userId: driver.id, chargerId: charger.id, connectorId: 1, cardId: card.id })).toEqual({ ok: true, value: null });
    const [session] = await waitFor(async () => {
      const rows = await openSessions(charger.id);
      return rows.length > 0 && rows;
    });
    expect(await stopCharging(webDb(), { userId: stranger.id, transactionId: session!.id })).toEqual({ ok: false, reason: 'notFound' });
    expect(await startCharging(webDb(), { userId: driver.id, chargerId: charger.id, connectorId: 1, cardId: card.id })).toEqual({ ok: false, reason: 'connectorOccupied' });
  });

  it('says the charger is offline when it is', async () => {
    const owner = await makeUser(db, { emailVerifiedAt: new Date() });
    const account = await makeAccount(db, { owner });
    const charger = await makeCharger(db, { accountId: account.id });
    const card = await makeCard(db, { accountId: account.id, userId: owner.id, kind: 'virtual' });
    expect(await startCharging(webDb(), { userId: owner.id, chargerId: charger.id, connectorId: 1, cardId: card.id })).toEqual({ ok: false, reason: 'chargerOffline' });
  });
});
