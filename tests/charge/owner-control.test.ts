import { and, eq, isNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { transactions } from '@/db/schema';
import { makeAccount, makeCard, makeUser } from '@/db/seed/builders';
import { removeMembership } from '@/domain/data/memberships';
import { listMySessions } from '@/domain/data/my-sessions';
import { listOtherOpenSessions } from '@/domain/data/session-control';
import { startCharging } from '@/lib/charge/start-charging';
import { stopCharging } from '@/lib/charge/stop-charging';
import { waitFor } from '@/ocpp-server/test/helpers';
import { transactionAnswered } from '@/ocpp-server/test/simulators';
import { db as webDb } from '@/lib/db';
import { chargingSuite } from './charging-suite';

const { db, setup: setupAccount } = chargingSuite();

// An account (its owner and a co-owner member) with a connected simulated charger of two connectors.
async function setup() {
  const { member, ...rest } = await setupAccount();
  return { coOwner: member, ...rest };
}

const sessionOf = async (transactionId: number) => (await db.select().from(transactions).where(eq(transactions.id, transactionId)))[0]!;
const stoppedSession = (transactionId: number) => waitFor(async () => {
  const session = await sessionOf(transactionId);
  return session.stoppedAt !== null && session;
});

describe('owner control of sessions', () => {
  it('lets the owner and a co-owner stop sessions started at the reader by a card linked to nobody', async () => {
    const { owner, coOwner, account, simulator } = await setup();
    const card = await makeCard(db, { accountId: account.id, userId: null, kind: 'physical' });
    for (const [connectorId, stopper] of [[1, owner], [2, coOwner]] as const) {
      const started = transactionAnswered(simulator, 'transactionStarted', connectorId);
      expect(await simulator.startSession(connectorId, card.idTag)).toBe(true);
      const transactionId = await started;
      expect(await sessionOf(transactionId)).toMatchObject({ userId: null, cardId: card.id });

      expect(await stopCharging(webDb(), { userId: stopper.id, transactionId })).toEqual({ ok: true, value: null });
      expect(await stoppedSession(transactionId)).toMatchObject({ stopReason: 'Remote' });
    }
  });

  it("lets the owner stop a removed member's session, which neither the removed member nor a stranger can", async () => {
    const { owner, coOwner, account, charger } = await setup();
    const card = await makeCard(db, { accountId: account.id, userId: coOwner.id, kind: 'virtual' });
    expect(await startCharging(webDb(), { userId: coOwner.id, chargerId: charger.id, connectorId: 1, cardId: card.id })).toEqual({ ok: true, value: null });
    const [session] = await waitFor(async () => {
      const rows = await db.select().from(transactions).where(and(eq(transactions.chargerId, charger.id), isNull(transactions.stoppedAt)));
      return rows.length > 0 && rows;
    });
    expect(await removeMembership(db, { accountId: account.id, userId: coOwner.id })).toEqual({ ok: true, value: null });

    const stranger = await makeUser(db, { emailVerifiedAt: new Date() });
    await makeAccount(db, { owner: stranger });
    for (const outsider of [coOwner, stranger]) {
      expect(await stopCharging(webDb(), { userId: outsider.id, transactionId: session!.id })).toEqual({ ok: false, reason: 'notFound' });
    }
    expect((await sessionOf(session!.id)).stoppedAt).toBeNull();

    expect(await stopCharging(webDb(), { userId: owner.id, transactionId: session!.id })).toEqual({ ok: true, value: null });
    expect(await stoppedSession(session!.id)).toMatchObject({ stopReason: 'Remote', userId: coOwner.id });
  });

  it("shows a member the sessions on the account's chargers that are not theirs, and their own apart", async () => {
    const { owner, coOwner, account, charger, simulator } = await setup();
    const ownersCard = await makeCard(db, { accountId: account.id, userId: owner.id, kind: 'physical', label: 'Blue tag' });
    const unlinked = await makeCard(db, { accountId: account.id, userId: null, kind: 'physical' });
    const first = transactionAnswered(simulator, 'transactionStarted', 1);
    await simulator.startSession(1, ownersCard.idTag);
    const ownersSession = await first;
    const second = transactionAnswered(simulator, 'transactionStarted', 2);
    await simulator.startSession(2, unlinked.idTag);
    const unlinkedSession = await second;

    const chargerIds = [charger.id];
    expect((await listOtherOpenSessions(db, { userId: owner.id, chargerIds })).map((s) => s.id)).toEqual([unlinkedSession]);
    expect((await listMySessions(db, { userId: owner.id, chargerIds })).map((s) => s.id)).toEqual([ownersSession]);
    const seenByCoOwner = await listOtherOpenSessions(db, { userId: coOwner.id, chargerIds });
    expect(seenByCoOwner.map(({ id, userName, cardLabel }) => ({ id, userName, cardLabel }))).toEqual([
      { id: ownersSession, userName: owner.name, cardLabel: 'Blue tag' },
      { id: unlinkedSession, userName: null, cardLabel: 'Test card' },
    ]);
  });
});
