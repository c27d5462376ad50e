import { eq } from 'drizzle-orm';
import type { RPCClient } from 'ocpp-rpc';
import { describe, expect, it } from 'vitest';
import { chargerCommands, transactions } from '../../db/schema';
import { makeCard, makeCharger } from '../../db/seed/builders';
import { sendCommand } from '../../domain/commands/send';
import { REMOTE_START_WINDOW_MS } from '../../domain/data/charger-traffic/remote-start';
import type { OcppServer } from '../src/start';
import { startTestServer } from './helpers';
import { ocppSuite } from './suite';

// Chargers with AuthorizeRemoteTxRequests=true (OCPP 1.6 §9.1) send Authorize with the idTag of a RemoteStartTransaction
// before they start. A virtual card's tag is refused when presented at a charger, except back from the very charger
// the platform sent it to, within the remote start window.
const suite = ocppSuite();
const { db } = suite;
const account = () => suite.fixture.account;

// A charger that answers RemoteStartTransaction with `answer` and does nothing else by itself.
async function charger(target: OcppServer, identity: string, answer: 'Accepted' | 'Rejected' = 'Accepted') {
  const client = await suite.connect(target, { identity });
  client.handle('RemoteStartTransaction', async () => ({ status: answer }));
  return client;
}

async function remoteStart(chargerId: string, idTag: string) {
  const sent = await sendCommand(db, {
    accountId: account().id,
    chargerId,
    action: 'RemoteStartTransaction',
    payload: { idTag, connectorId: 1 },
    requestedBy: account().owner.id,
  });
  if (!sent.ok) throw new Error('RemoteStartTransaction not queued');
  return sent.value;
}

const newCharger = () => makeCharger(db, { accountId: account().id });
const virtualCard = () => makeCard(db, { accountId: account().id, kind: 'virtual', userId: account().owner.id });
const authorize = async (client: RPCClient, idTag: string) => ((await client.call('Authorize', { idTag })) as { idTagInfo: { status: string } }).idTagInfo.status;

describe('remote starts authorized again by the charger', () => {
  it('accepts the tag in the Authorize and the StartTransaction of the charger it was sent to', async () => {
    const wallbox = await newCharger();
    const card = await virtualCard();
    const client = await charger(suite.server, wallbox.identity);
    expect(await authorize(client, card.idTag)).toBe('Invalid');

    expect((await remoteStart(wallbox.id, card.idTag)).status).toBe('accepted');
    expect(await authorize(client, card.idTag.toLowerCase())).toBe('Accepted');
    const start = (await client.call('StartTransaction', { connectorId: 1, idTag: card.idTag, meterStart: 0, timestamp: new Date().toISOString() })) as {
      transactionId: number;
      idTagInfo: { status: string };
    };
    expect(start.idTagInfo.status).toBe('Accepted');
    const [session] = await db.select().from(transactions).where(eq(transactions.id, start.transactionId));
    expect(session).toMatchObject({ cardId: card.id, isRemoteStarted: true, authorizationStatus: 'Accepted', userId: account().owner.id });
  });

  it('refuses the tag at another charger, even of the same account', async () => {
    const [wallbox, neighbour] = await Promise.all([newCharger(), newCharger()]);
    const card = await virtualCard();
    await charger(suite.server, wallbox.identity);
    const other = await charger(suite.server, neighbour.identity);
    expect((await remoteStart(wallbox.id, card.idTag)).status).toBe('accepted');
    expect(await authorize(other, card.idTag)).toBe('Invalid');
  });

  it('refuses the tag when the charger rejected the remote start', async () => {
    const wallbox = await newCharger();
    const card = await virtualCard();
    const client = await charger(suite.server, wallbox.identity, 'Rejected');
    expect((await remoteStart(wallbox.id, card.idTag)).status).toBe('rejected');
    expect(await authorize(client, card.idTag)).toBe('Invalid');
  });

  it('refuses the tag once the remote start window has passed', async () => {
    const wallbox = await newCharger();
    const card = await virtualCard();
    const client = await charger(suite.server, wallbox.identity);
    const command = await remoteStart(wallbox.id, card.idTag);
    expect(await authorize(client, card.idTag)).toBe('Accepted');

    const past = (ms: number) => new Date(Date.now() - ms);
    await db
      .update(chargerCommands)
      .set({ createdAt: past(REMOTE_START_WINDOW_MS + 60_000), sentAt: past(REMOTE_START_WINDOW_MS + 59_000) })
      .where(eq(chargerCommands.id, command.id));
    expect(await authorize(client, card.idTag)).toBe('Invalid');
    const start = (await client.call('StartTransaction', { connectorId: 1, idTag: card.idTag, meterStart: 0, timestamp: new Date().toISOString() })) as {
      idTagInfo: { status: string };
    };
    expect(start.idTagInfo.status).toBe('Invalid');
  });

  it('accepts the tag from the charger once it has moved to another OCPP server process', async () => {
    const wallbox = await newCharger();
    const card = await virtualCard();
    const first = await charger(suite.server, wallbox.identity);
    expect((await remoteStart(wallbox.id, card.idTag)).status).toBe('accepted');
    await first.close({ force: true });

    const other = await startTestServer();
    try {
      const client = await charger(other, wallbox.identity);
      expect(await authorize(client, card.idTag)).toBe('Accepted');
    } finally {
      await suite.closeClients();
      await other.close();
    }
  });
});
