import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startQueryCounter, type QueryCounter } from '../../bench/web/query-counter';
import { createDb } from '../../db/client';
import { chargerCommands, chargers } from '../../db/schema';
import { enqueueCommand } from '../../domain/commands/enqueue';
import type { OcppServer } from '../src/start';
import { NOREPLY } from '../src/ocpp/rpc';
import { connectClient, makeChargerFixture, startTestServer, testDb, waitFor } from './helpers';
import { startSimulator, stopSimulators } from './simulators';

// What queuing a command costs the web app in round trips before the OCPP server hears of it (a tap on Start is an
// exclusive one, inside the transaction that also saves its plan): each one waits its turn at a PostgreSQL that
// chargers keep busy.
const { db, sql } = testDb();
let server: OcppServer;
let counter: QueryCounter;
let web: ReturnType<typeof createDb>;

beforeAll(async () => {
  server = await startTestServer();
  counter = await startQueryCounter(process.env.DATABASE_URL!);
  web = createDb(counter.url, { max: 1 });
  // The driver's first connection reads the array types once; that is not the command's.
  await web.sql`select 1`;
});

afterAll(async () => {
  await stopSimulators();
  await web.sql.end();
  await counter.close();
  await server.close();
  await sql.end();
});

async function counted<T>(work: () => Promise<T>) {
  const before = counter.executed.length;
  const result = await work();
  return { result, statements: counter.executed.length - before };
}

const statusOf = async (id: string) => (await db.select({ status: chargerCommands.status }).from(chargerCommands).where(eq(chargerCommands.id, id)))[0]?.status;

describe('queuing a command', () => {
  it('takes one statement, and the charger gets the command', async () => {
    const { account, charger } = await makeChargerFixture(db);
    await startSimulator(server, { identity: charger.identity });
    const input = { accountId: account.id, chargerId: charger.id, action: 'RemoteStartTransaction' as const, payload: { connectorId: 1, idTag: 'TAG-1' } };

    const { result, statements } = await counted(() => enqueueCommand(web.db, input));
    expect(statements).toBe(1);
    expect(result.ok).toBe(true);
    const id = result.ok ? result.value.id : '';
    await waitFor(async () => (await statusOf(id)) === 'accepted');
  });

  it('holds an exclusive command to its lock, its check and its insert, and a second request joins the first', async () => {
    const { account, charger } = await makeChargerFixture(db);
    // Online and silent, the charger keeps the first command on its way (an offline one's fails at once).
    const client = await connectClient(server, { identity: charger.identity });
    client.handle('RemoteStopTransaction', async () => NOREPLY as unknown as Record<string, unknown>);
    await waitFor(async () => (await db.select({ isOnline: chargers.isOnline }).from(chargers).where(eq(chargers.id, charger.id)))[0]?.isOnline);
    const input = { accountId: account.id, chargerId: charger.id, action: 'RemoteStopTransaction' as const, payload: { transactionId: 7 }, isExclusive: true };

    const { first, second } = await (async () => {
      try {
        return { first: await counted(() => enqueueCommand(web.db, input)), second: await enqueueCommand(web.db, input) };
      } finally {
        await client.close({ force: true });
      }
    })();
    expect(first.statements).toBe(5);
    expect(first.result).toMatchObject({ ok: true, value: { isJoined: false } });
    expect(second).toMatchObject({ ok: true, value: { isJoined: true, id: first.result.ok ? first.result.value.id : '' } });
    expect(await db.select().from(chargerCommands).where(eq(chargerCommands.chargerId, charger.id))).toHaveLength(1);
  });

  it("queues nothing for another account's charger, exclusive or not", async () => {
    const { account } = await makeChargerFixture(db);
    const other = await makeChargerFixture(db);
    const input = { accountId: account.id, chargerId: other.charger.id, action: 'ClearCache' as const, payload: {} };

    expect(await enqueueCommand(web.db, input)).toEqual({ ok: false, reason: 'notFound' });
    expect(await enqueueCommand(web.db, { ...input, isExclusive: true })).toEqual({ ok: false, reason: 'notFound' });
    expect(await db.select().from(chargerCommands).where(eq(chargerCommands.chargerId, other.charger.id))).toEqual([]);
  });

  it('queues nothing for a charger the owner has deleted, exclusive or not', async () => {
    const { account, charger } = await makeChargerFixture(db);
    await db.update(chargers).set({ deletedAt: new Date() }).where(eq(chargers.id, charger.id));
    const input = { accountId: account.id, chargerId: charger.id, action: 'ClearCache' as const, payload: {} };

    expect(await enqueueCommand(web.db, input)).toEqual({ ok: false, reason: 'notFound' });
    expect(await enqueueCommand(web.db, { ...input, isExclusive: true })).toEqual({ ok: false, reason: 'notFound' });
    expect(await db.select().from(chargerCommands).where(eq(chargerCommands.chargerId, charger.id))).toEqual([]);
  });
});
