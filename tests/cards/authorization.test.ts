import { and, eq, gt, sql as raw } from 'drizzle-orm';
import type { RPCClient } from 'ocpp-rpc';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { meterValues, memberships, transactions } from '@/db/schema';
import { makeAccount, makeCard, makeCharger, makeUser } from '@/db/seed/builders';
import { sendCommand } from '@/domain/commands/send';
import { getCard, setCardStatus } from '@/domain/data/cards';
import type { OcppServer } from '@/ocpp-server/src/start';
import { touchCard } from '@/domain/data/charger-traffic/cards';
import { connectClient, makeChargerFixture, startTestServer, testDb, waitFor } from '@/ocpp-server/test/helpers';
import { startSimulator, stopSimulators, transactionAnswered } from '@/ocpp-server/test/simulators';

const { db, sql } = testDb();
let server: OcppServer;
let fixture: Awaited<ReturnType<typeof makeChargerFixture>>;
const clients: RPCClient[] = [];

beforeAll(async () => {
  server = await startTestServer();
  fixture = await makeChargerFixture(db);
});

// The server sees each socket close a moment after the charger side; closing the server inside that moment can
// hang in ocpp-rpc (close with awaitPending waits for a 'close' already emitted), so each test waits it out.
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close({ force: true })));
  await stopSimulators();
  await waitFor(async () => server.connections.size === 0);
});

afterAll(async () => {
  await server?.close();
  await sql.end();
});

async function chargerClient() {
  const charger = await makeCharger(db, { accountId: fixture.account.id });
  const client = await connectClient(server, { identity: charger.identity, strictMode: true });
  clients.push(client);
  return { charger, client };
}

type IdTagAnswer = { idTagInfo: { status: string; expiryDate?: string } };

async function statusesFor(client: RPCClient, idTag: string, connectorId = 1) {
  const authorize = (await client.call('Authorize', { idTag })) as IdTagAnswer;
  const start = (await client.call('StartTransaction', { connectorId, idTag, meterStart: 0, timestamp: new Date().toISOString() })) as IdTagAnswer;
  return { authorize: authorize.idTagInfo.status, start: start.idTagInfo.status };
}

describe('card authorization at a charger over OCPP 1.6', () => {
  const accountId = () => fixture.account.id;
  const yesterday = () => new Date(Date.now() - 24 * 3600_000);
  const nextYear = () => new Date(Date.now() + 365 * 24 * 3600_000);

  it('accepts an active card of the charger’s account, in any letter case', async () => {
    const { client } = await chargerClient();
    const card = await makeCard(db, { accountId: accountId(), idTag: 'AB12CD34', expiresAt: nextYear() });
    expect(await statusesFor(client, card.idTag)).toEqual({ authorize: 'Accepted', start: 'Accepted' });
    expect(await statusesFor(client, 'ab12cd34', 2)).toEqual({ authorize: 'Accepted', start: 'Accepted' });
  });

  it('answers Blocked for a blocked card and Expired for an expired one', async () => {
    const { client } = await chargerClient();
    const blocked = await makeCard(db, { accountId: accountId(), status: 'blocked' });
    const expired = await makeCard(db, { accountId: accountId(), expiresAt: yesterday() });
    expect(await statusesFor(client, blocked.idTag)).toEqual({ authorize: 'Blocked', start: 'Blocked' });
    expect(await statusesFor(client, expired.idTag, 2)).toEqual({ authorize: 'Expired', start: 'Expired' });
  });

  it('answers Invalid for an unknown tag, a card of another account, a deleted card and a virtual card at the reader', async () => {
    const { client } = await chargerClient();
    const other = await makeAccount(db);
    const foreign = await makeCard(db, { accountId: other.id });
    const deleted = await makeCard(db, { accountId: accountId(), deletedAt: new Date() });
    const virtual = await makeCard(db, { accountId: accountId(), kind: 'virtual', userId: fixture.account.owner.id });
    for (const idTag of ['NOSUCHCARD', foreign.idTag, deleted.idTag, virtual.idTag]) {
      expect(await statusesFor(client, idTag)).toEqual({ authorize: 'Invalid', start: 'Invalid' });
    }
  });

  it('refuses a card whose linked user has left the account', async () => {
    const { client } = await chargerClient();
    const user = await makeUser(db);
    await db.insert(memberships).values({ accountId: accountId(), userId: user.id, role: 'member' });
    const card = await makeCard(db, { accountId: accountId(), userId: user.id });
    expect((await statusesFor(client, card.idTag)).authorize).toBe('Accepted');
    await db.delete(memberships).where(and(eq(memberships.accountId, accountId()), eq(memberships.userId, user.id)));
    expect(await statusesFor(client, card.idTag, 2)).toEqual({ authorize: 'Invalid', start: 'Invalid' });
    expect(await getCard(db, { accountId: accountId(), cardId: card.id })).toMatchObject({ status: 'active', hasUserLeft: true });
  });

  it('lets the same physical card into two accounts, each only at its own chargers', async () => {
    const { client } = await chargerClient();
    const other = await makeChargerFixture(db);
    await makeCard(db, { accountId: accountId(), idTag: 'SHARED0001' });
    await makeCard(db, { accountId: other.account.id, idTag: 'SHARED0001', status: 'blocked' });
    const otherClient = await connectClient(server, { identity: other.charger.identity, strictMode: true });
    clients.push(otherClient);
    expect((await statusesFor(client, 'SHARED0001')).authorize).toBe('Accepted');
    expect((await statusesFor(otherClient, 'SHARED0001')).authorize).toBe('Blocked');
  });

  it('accepts a remote start with a virtual card, and the StartTransaction that follows', async () => {
    const charger = await makeCharger(db, { accountId: accountId() });
    await startSimulator(server, { identity: charger.identity });
    const card = await makeCard(db, { accountId: accountId(), kind: 'virtual', userId: fixture.account.owner.id, idTag: 'VREMOTESTART0001' });
    const outcome = await sendCommand(db, {
      accountId: accountId(),
      chargerId: charger.id,
      action: 'RemoteStartTransaction',
      payload: { idTag: card.idTag, connectorId: 1 },
      requestedBy: fixture.account.owner.id,
    });
    expect(outcome).toMatchObject({ ok: true, value: { status: 'accepted', response: { status: 'Accepted' } } });
    const session = await waitFor(async () => (await db.select().from(transactions).where(eq(transactions.cardId, card.id)))[0]);
    expect(session).toMatchObject({ authorizationStatus: 'Accepted', isRemoteStarted: true, userId: fixture.account.owner.id });
  });

  it('lets a running session go on after its card is blocked, and refuses the card’s next Authorize', async () => {
    const charger = await makeCharger(db, { accountId: accountId() });
    const simulated = await startSimulator(server, { identity: charger.identity, meterIntervalMs: 50 });
    const card = await makeCard(db, { accountId: accountId() });
    // Not the queue drained: meter values every 50 ms keep it busy on a slow machine.
    const started = transactionAnswered(simulated, 'transactionStarted', 1);
    expect(await simulated.startSession(1, card.idTag)).toBe(true);
    const transactionId = await started;

    expect((await setCardStatus(db, { accountId: accountId(), cardId: card.id, status: 'blocked' })).ok).toBe(true);
    const blockedAt = new Date();
    expect(await getCard(db, { accountId: accountId(), cardId: card.id })).toMatchObject({ status: 'blocked', isCharging: true });

    const laterSamples = () =>
      db.select({ n: raw<number>`count(*)::int` }).from(meterValues).where(and(eq(meterValues.transactionId, transactionId), gt(meterValues.sampledAt, blockedAt)));
    await waitFor(async () => ((await laterSamples())[0]?.n ?? 0) >= 2);
    const [running] = await db.select().from(transactions).where(eq(transactions.id, transactionId));
    expect(running).toMatchObject({ stoppedAt: null, authorizationStatus: 'Accepted' });
    expect(simulated.session(1)).not.toBeNull();
    expect(await simulated.authorize(card.idTag)).toBe('Blocked');
    expect(await simulated.startSession(2, card.idTag)).toBe(false);
  });

  it('answers a fleet card at once while another charger’s transaction is touching the same card', async () => {
    const { client } = await chargerClient();
    const card = await makeCard(db, { accountId: accountId() });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let isLocked!: () => void;
    const locked = new Promise<void>((resolve) => (isLocked = resolve));
    // Another session's StartTransaction that has touched the card and not yet committed.
    const otherTransaction = db.transaction(async (tx) => {
      await tx.execute(touchCard({ chargerId: fixture.charger.id, accountId: accountId() }, card.id));
      isLocked();
      await held;
    });
    await locked;
    try {
      // The other transaction ends only after these answers, so an Authorize or StartTransaction that waited for it
      // would never be answered: the charger's call times out and fails the test, however fast or slow the machine.
      expect(await statusesFor(client, card.idTag)).toEqual({ authorize: 'Accepted', start: 'Accepted' });
    } finally {
      release();
      await otherTransaction;
    }
  });
});
