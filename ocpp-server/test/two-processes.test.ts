import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { chargers } from '../../db/schema';
import { makeAccount, makeCharger } from '../../db/seed/builders';
import { sendCommand } from '../../domain/commands/send';
import { killAllServers, spawnServer } from './child-server';
import { testDb, waitFor } from './helpers';
import { startSimulator, stopSimulators } from './simulators';

const { db, sql } = testDb();
const CHARGERS = 20;

afterAll(async () => {
  await stopSimulators();
  await killAllServers();
  await sql.end();
});

const tag = randomBytes(3).toString('hex');

describe('two OCPP server processes on one database', () => {
  it('delivers every command exactly once through the process holding the charger', { timeout: 90_000 }, async () => {
    const account = await makeAccount(db);
    const rows = await Promise.all(Array.from({ length: CHARGERS }, () => makeCharger(db, { accountId: account.id })));
    const [left, right] = await Promise.all([spawnServer({ instanceId: `left-${tag}` }), spawnServer({ instanceId: `right-${tag}` })]);
    const simulated = await Promise.all(rows.map((row, index) => startSimulator(index % 2 ? right : left, { identity: row.identity })));
    await waitFor(async () => (await db.select().from(chargers).where(eq(chargers.accountId, account.id))).every((row) => row.isOnline));

    const send = (chargerId: string) =>
      sendCommand(db, { accountId: account.id, chargerId, action: 'ChangeConfiguration', payload: { key: 'Tag', value: tag } }, { waitMs: 15_000 });
    const outcomes = await Promise.all(rows.flatMap((row) => [send(row.id), send(row.id)]));
    expect(outcomes.map((outcome) => outcome.ok && outcome.value.status)).toEqual(Array(CHARGERS * 2).fill('accepted'));
    for (const charger of simulated) expect(charger.receivedCalls.filter((call) => call === 'ChangeConfiguration')).toHaveLength(2);

    // The load balancer sends a charger to the other process while the first still holds its old socket.
    const moving = rows[0]!;
    const moved = await startSimulator(right, { identity: moving.identity });
    await waitFor(async () => (await db.select().from(chargers).where(eq(chargers.id, moving.id)))[0]?.instanceId === right.instanceId);
    expect(await send(moving.id)).toMatchObject({ ok: true, value: { status: 'accepted' } });
    await simulated[0]!.stop();
    expect(await send(moving.id)).toMatchObject({ ok: true, value: { status: 'accepted' } });
    expect(moved.receivedCalls).toEqual(['ChangeConfiguration', 'ChangeConfiguration']);
    expect(simulated[0]!.receivedCalls.filter((call) => call === 'ChangeConfiguration')).toHaveLength(2);
    expect(await moved.authorize('UNKNOWN')).toBe('Invalid');
    const [row] = await db.select().from(chargers).where(eq(chargers.id, moving.id));
    expect(row).toMatchObject({ isOnline: true, instanceId: right.instanceId });
  });
});
