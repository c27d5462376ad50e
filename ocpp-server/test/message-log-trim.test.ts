import { count, desc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ocppMessages } from '../../db/schema';
import { makeAccount, makeCharger } from '../../db/seed/builders';
import { createMessageLog } from '../../domain/data/charger-traffic/message-log';
import { createLogger } from '../src/logger';
import { startOcppServer, type OcppServer } from '../src/start';
import { connectClient, makeChargerFixture, testConfig, testDb } from './helpers';

const { db, sql } = testDb();
// What the OCPP server keeps per charger (its default).
const KEPT = 300;
let server: OcppServer;

beforeAll(async () => {
  // A limit no test charger reaches: the burst is the point here, not the throttle.
  server = await startOcppServer(testConfig({ messageLimit: { burst: 10_000, perSecond: 10_000 } }), createLogger('silent'));
});

afterAll(async () => {
  await server?.close();
  await sql.end();
});

describe('message log trimming under load', () => {
  // Before: a charger was trimmed only after logging half its bound again (or by a 30 s sweep), so after a
  // benchmark run 200 chargers held 210,210 rows against 300 kept each. Its old rows go every 30 messages, so it
  // holds its bound and at most 29 more.
  it('holds the kept messages per charger, and at most 29 more, once a burst from several chargers is answered', async () => {
    const account = await makeAccount(db);
    const fleet = await Promise.all(Array.from({ length: 4 }, () => makeCharger(db, { accountId: account.id })));
    const clients = await Promise.all(fleet.map((charger) => connectClient(server, { identity: charger.identity })));
    try {
      // 220 calls and their answers: 440 rows per charger, each charger's calls in flight alongside the others'.
      await Promise.all(
        clients.map(async (client) => {
          for (let index = 0; index < 220; index++) await client.call('Heartbeat', {});
        }),
      );
      await server.messageLog.flush();
      const rows = await db
        .select({ chargerId: ocppMessages.chargerId, rows: count() })
        .from(ocppMessages)
        .where(inArray(ocppMessages.chargerId, fleet.map((charger) => charger.id)))
        .groupBy(ocppMessages.chargerId);
      expect(rows).toHaveLength(fleet.length);
      for (const row of rows) {
        expect(row.rows).toBeGreaterThanOrEqual(KEPT);
        expect(row.rows).toBeLessThanOrEqual(KEPT + 29);
      }
    } finally {
      await Promise.all(clients.map((client) => client.close({ force: true })));
    }
  });

  // With a bound of 40 a charger's old rows go every 4 messages: it holds 40, 41, 42, 43, then 40 again.
  it('holds a charger logging one message a batch between its bound and 3 more, the newest ones', async () => {
    const { charger } = await makeChargerFixture(db);
    const kept = 40;
    const log = createMessageLog({ db, log: createLogger('silent'), keepPerCharger: kept });
    const held: number[] = [];
    let newest: string[] = [];
    try {
      for (let index = 0; index < 100; index++) {
        log.record({ chargerId: charger.id, direction: 'in', messageType: 'call', action: 'Heartbeat', messageId: `one-${index}`, payload: {}, createdAt: new Date() });
        await log.flush();
        const rows = await db.select({ messageId: ocppMessages.messageId }).from(ocppMessages).where(eq(ocppMessages.chargerId, charger.id)).orderBy(desc(ocppMessages.seq));
        held.push(rows.length);
        newest = rows.map((row) => row.messageId);
      }
    } finally {
      await log.close();
    }
    expect(held.slice(kept)).toEqual(held.slice(kept).map((_, index) => kept + ((kept + 1 + index) % 4)));
    expect(newest).toEqual(Array.from({ length: kept }, (_, index) => `one-${99 - index}`));
  });

  it('keeps the newest messages of a charger that logs more than its bound in one batch', async () => {
    const { charger } = await makeChargerFixture(db);
    const log = createMessageLog({ db, log: createLogger('silent'), keepPerCharger: 5 });
    try {
      for (let index = 0; index < 12; index++) {
        log.record({ chargerId: charger.id, direction: 'in', messageType: 'call', action: 'Heartbeat', messageId: `trim-${index}`, payload: {}, createdAt: new Date() });
      }
      await log.flush();
      log.record({ chargerId: charger.id, direction: 'out', messageType: 'result', action: 'Heartbeat', messageId: 'trim-12', payload: {}, createdAt: new Date() });
      await log.flush();
      const rows = await db.select({ messageId: ocppMessages.messageId }).from(ocppMessages).where(eq(ocppMessages.chargerId, charger.id)).orderBy(desc(ocppMessages.id));
      expect(rows.map((row) => row.messageId)).toEqual(['trim-12', 'trim-11', 'trim-10', 'trim-9', 'trim-8']);
    } finally {
      await log.close();
    }
  });
});

describe('a message the log cannot hold', () => {
  // Each message becomes its row as it is recorded: one that JSON cannot hold (a BigInt, which no parsed frame
  // carries) is refused there, and the messages around it, of its charger and others, are still written.
  it('loses its own row only, and says so', async () => {
    const { charger } = await makeChargerFixture(db);
    const errors: string[] = [];
    const log = createMessageLog({ db, log: { error: (_fields, message) => void errors.push(message) } });
    const message = (messageId: string, payload: unknown) => ({ chargerId: charger.id, direction: 'in' as const, messageType: 'call' as const, action: 'DataTransfer', messageId, payload, createdAt: new Date() });
    try {
      log.record(message('before', { data: 'a' }));
      log.record(message('unwritable', { data: 1n }));
      log.record(message('after', { data: 'b' }));
      await log.flush();
      const rows = await db.select({ messageId: ocppMessages.messageId, payload: ocppMessages.payload }).from(ocppMessages).where(eq(ocppMessages.chargerId, charger.id)).orderBy(ocppMessages.seq);
      expect(rows).toEqual([
        { messageId: 'before', payload: { data: 'a' } },
        { messageId: 'after', payload: { data: 'b' } },
      ]);
      expect(errors).toEqual(['message not logged']);
    } finally {
      await log.close();
    }
  });
});
