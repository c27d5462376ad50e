// Why a charger is turned away at the WebSocket upgrade is kept for its owner (issue: "a charger with a wrong
// password shows 'wrong password' on its page within seconds"): per charger and reason, counted, never a secret.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { connectionRefusals } from '../../db/schema';
import { makeCharger } from '../../db/seed/builders';
import { CHARGER_EVENTS_CHANNEL } from '../../domain/charging/charger-events';
import { hashSecret } from '../../domain/crypto/secret';
import { listConnectionRefusals } from '../../domain/data/connection-refusals';
import { waitFor } from './helpers';
import { ocppSuite } from './suite';

const suite = ocppSuite();
const { db, sql } = suite;
const PASSWORD = 'the-right-password-0123';

async function lockedCharger() {
  return makeCharger(db, { accountId: suite.fixture.account.id, passwordHash: hashSecret(PASSWORD) });
}

// One connection attempt as a charger makes it; resolves once the server has answered it either way.
async function attempt(path: string, { password, protocols = ['ocpp1.6'] }: { password?: string; protocols?: string[] } = {}) {
  const identity = path.slice(path.lastIndexOf('/') + 1);
  const headers: Record<string, string> = password ? { authorization: `Basic ${Buffer.from(`${identity}:${password}`).toString('base64')}` } : {};
  const socket = new WebSocket(`ws://127.0.0.1:${suite.server.port}${path}`, protocols, { headers });
  // Refused at the upgrade ('unexpected-response'), or let in and closed: either way, the attempt is over.
  await new Promise((resolve) => {
    socket.once('unexpected-response', resolve);
    socket.once('close', resolve);
    socket.once('error', resolve);
  });
  socket.terminate();
}

const refusalsOf = (chargerId: string) => db.select().from(connectionRefusals).where(eq(connectionRefusals.chargerId, chargerId));
const byReason = async (chargerId: string) => Object.fromEntries((await refusalsOf(chargerId)).map((row) => [row.reason, row]));

describe('refused connection attempts', () => {
  it('are kept per reason with how often and from where, never with the password, and the charger page hears of them', async () => {
    const charger = await lockedCharger();
    const heard: string[] = [];
    const listening = await sql.listen(CHARGER_EVENTS_CHANNEL, (payload) => heard.push(payload));
    try {
      for (let i = 0; i < 3; i++) await attempt(`/ocpp/${charger.identity}`, { password: 'a-wrong-password-guess' });
      await attempt(`/ocpp/${charger.identity}`);
      const rows = await waitFor(async () => {
        const found = await byReason(charger.id);
        return found.wrongPassword?.count === 3 && found.noPassword?.count === 1 && found;
      });
      expect(rows.wrongPassword!.remoteAddress).toBe('127.0.0.1');
      expect(Object.keys(rows).sort()).toEqual(['noPassword', 'wrongPassword']);
      expect(JSON.stringify(await refusalsOf(charger.id))).not.toContain('a-wrong-password-guess');
      await waitFor(async () => heard.some((payload) => payload.includes(charger.id) && payload.includes('"connection-refused"')));
    } finally {
      await listening.unlisten();
    }
  });

  it('tell a known charger at the wrong path, and a charger that speaks no OCPP version of ours', async () => {
    const charger = await lockedCharger();
    await attempt(`/ocpp16/${charger.identity}`, { password: PASSWORD });
    await attempt(`/${charger.identity}`, { password: PASSWORD });
    await attempt(`/ocpp/${charger.identity}`, { password: PASSWORD, protocols: ['ocpp2.1'] });
    const rows = await waitFor(async () => {
      const found = await byReason(charger.id);
      return found.unknownPath?.count === 2 && found.noCommonProtocol && found;
    });
    expect(rows.unknownPath!.detail).toBe(`/${charger.identity}`);
    expect(rows.noCommonProtocol!.detail).toBe('ocpp2.1');
  });

  it('under a flood of guesses stay one row per reason, every guess counted', async () => {
    const charger = await lockedCharger();
    await Promise.all(Array.from({ length: 60 }, (_, i) => attempt(`/ocpp/${charger.identity}`, { password: `guess-number-${i}` })));
    await waitFor(async () => (await byReason(charger.id)).wrongPassword?.count === 60);
    expect(await refusalsOf(charger.id)).toHaveLength(1);
  });

  it('are no longer listed once the charger got in, and a new run of them counts from one', async () => {
    const charger = await lockedCharger();
    await attempt(`/ocpp/${charger.identity}`, { password: 'an-old-password-0001' });
    await waitFor(async () => (await byReason(charger.id)).wrongPassword);
    const scope = { accountId: suite.fixture.account.id, chargerId: charger.id };
    expect((await listConnectionRefusals(db, scope)).map((row) => row.reason)).toEqual(['wrongPassword']);

    const client = await suite.connect(suite.server, { identity: charger.identity, password: PASSWORD });
    await waitFor(async () => (await listConnectionRefusals(db, scope)).length === 0);
    await client.close({ force: true });

    await attempt(`/ocpp/${charger.identity}`, { password: 'an-old-password-0001' });
    const listed = await waitFor(async () => {
      const rows = await listConnectionRefusals(db, scope);
      return rows.length === 1 && rows;
    });
    expect(listed[0]!.count).toBe(1);
  });
});
