import { randomBytes } from 'node:crypto';
import { and, eq, inArray, sql as raw } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { chargers, meterValues, transactions } from '../../db/schema';
import { makeAccount, makeCard, makeCharger } from '../../db/seed/builders';
import { killAllServers, killServer, spawnServer } from '../../ocpp-server/test/child-server';
import { testDb, waitFor } from '../../ocpp-server/test/helpers';
import { startSimulator201, stopSimulators } from '../../ocpp-server/test/simulators';
import type { SimulatedCharger201 } from '../../ocpp-server/simulator/v201/simulated-charger-201';

const { db, sql } = testDb();
const CHARGERS = 100;
const METER_START_WH = 1_000;
// What real chargers do (ocpp-rpc: exponential, randomised by ±50%), so that they do not all return in step.
const BACKOFF = { initialDelay: 500, maxDelay: 5_000 };
const ENERGY = 'Energy.Active.Import.Register';

afterAll(async () => {
  await stopSimulators();
  await killAllServers();
  await sql.end();
});

// The transactionId each station gave its session (2.0.1 stations name their transactions themselves).
function tracksTransactionIds(simulated: SimulatedCharger201[]) {
  const ids = new Map<string, string[]>(simulated.map((charger) => [charger.options.identity, []]));
  for (const charger of simulated) charger.on('transactionStarted', ({ transactionId }: { transactionId: string }) => ids.get(charger.options.identity)!.push(transactionId));
  return ids;
}

describe('OCPP server killed with SIGKILL under 2.0.1 load', () => {
  it(`loses no session of ${CHARGERS} charging 2.0.1 stations: their queued TransactionEvents arrive after the restart`, async () => {
    const account = await makeAccount(db);
    const card = await makeCard(db, { accountId: account.id });
    const rows = await Promise.all(Array.from({ length: CHARGERS }, () => makeCharger(db, { accountId: account.id, connectorCount: 1 })));
    const chargerIds = rows.map((row) => row.id);
    const instanceId = `fault-kill-201-${randomBytes(3).toString('hex')}`;
    const first = await spawnServer({ instanceId });

    const simulated = await Promise.all(rows.map((row) => startSimulator201(first, { identity: row.identity, evses: 1, meterIntervalMs: 1000, backoff: BACKOFF })));
    const transactionIds = tracksTransactionIds(simulated);
    expect((await Promise.all(simulated.map((charger) => charger.startSession(1, card.idTag)))).every(Boolean)).toBe(true);
    // Readings keep flowing for a while, so that some are in flight (stored but not yet answered) at the kill.
    await new Promise((resolve) => setTimeout(resolve, 2500));

    expect(await killServer(first, 'SIGKILL')).toBe(null);
    await waitFor(async () => simulated.every((charger) => !charger.isConnected));
    // Offline, the meters run on: their Updated events wait in each station's queue.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    // Half the drivers unplug while the server is gone; their Ended event waits behind those readings.
    await Promise.all(simulated.slice(0, CHARGERS / 2).map((charger) => charger.stopSession(1, 'Local')));
    const queuedAtRestart = simulated.map((charger) => charger.transactionEvents.length);

    const restartedAt = performance.now();
    const second = await spawnServer({ instanceId, port: first.port });
    await waitFor(async () => simulated.every((charger) => charger.isConnected), { timeoutMs: 30_000, everyMs: 100 });
    const reconnectMs = performance.now() - restartedAt;
    await Promise.all(simulated.slice(CHARGERS / 2).map((charger) => charger.stopSession(1, 'Remote')));
    await Promise.all(simulated.map((charger) => charger.transactionEvents.drained(30_000)));
    console.log(`fault:kill 2.0.1 ${CHARGERS} stations back ${Math.round(reconnectMs)} ms after the restart began`);

    expect(queuedAtRestart.every((length) => length >= 2)).toBe(true);
    const sessions = await db
      .select({ chargerId: transactions.chargerId, ocppTransactionId: transactions.ocppTransactionId, stoppedAt: transactions.stoppedAt, stopReason: transactions.stopReason, energyWh: transactions.energyWh, meterStartWh: transactions.meterStartWh, meterStopWh: transactions.meterStopWh, id: transactions.id })
      .from(transactions)
      .where(inArray(transactions.chargerId, chargerIds));
    const readings = await db
      .select({ chargerId: meterValues.chargerId, transactionId: meterValues.transactionId, count: raw<number>`count(*)::int` })
      .from(meterValues)
      .where(and(inArray(meterValues.chargerId, chargerIds), eq(meterValues.measurand, ENERGY)))
      .groupBy(meterValues.chargerId, meterValues.transactionId);

    const mismatches: string[] = [];
    simulated.forEach((charger, index) => {
      const own = sessions.filter((session) => session.chargerId === chargerIds[index]);
      const given = transactionIds.get(charger.options.identity)!;
      const delivered = charger.transactionEvents.delivered;
      const stored = readings.filter((reading) => reading.chargerId === chargerIds[index]);
      const problems = [
        own.map((session) => session.ocppTransactionId).join(',') !== given.join(',') && `sessions ${own.map((session) => session.ocppTransactionId).join(',')} but the station ran ${given.join(',')}`,
        own.some((session) => session.stoppedAt === null) && 'a session is still open',
        own.some((session) => session.meterStartWh !== METER_START_WH || session.meterStopWh !== charger.meterReading(1)) &&
          `meter ${own.map((session) => `${session.meterStartWh}..${session.meterStopWh}`).join(',')} Wh but the station read ${METER_START_WH}..${charger.meterReading(1)}`,
        own.some((session) => session.energyWh !== charger.meterReading(1) - METER_START_WH) && 'energy is not the meter\'s advance',
        (stored.length !== 1 || stored[0]!.transactionId !== own[0]?.id) && 'a reading is not linked to its session',
        stored.reduce((sum, reading) => sum + reading.count, 0) !== delivered.Started + delivered.Updated + delivered.Ended &&
          `${stored.reduce((sum, reading) => sum + reading.count, 0)} energy readings stored, ${delivered.Started + delivered.Updated + delivered.Ended} events answered`,
        (delivered.Started !== 1 || delivered.Ended !== 1) && `${delivered.Started} Started and ${delivered.Ended} Ended answered`,
      ].filter(Boolean);
      if (problems.length > 0) mismatches.push(`${charger.options.identity}: ${problems.join('; ')}`);
    });
    expect(mismatches).toEqual([]);
    expect(sessions).toHaveLength(CHARGERS);
    const reasons = await db.select({ reason: transactions.stopReason, count: raw<number>`count(*)::int` }).from(transactions).where(inArray(transactions.chargerId, chargerIds)).groupBy(transactions.stopReason);
    expect(Object.fromEntries(reasons.map((row) => [row.reason, row.count]))).toEqual({ Local: CHARGERS / 2, Remote: CHARGERS / 2 });

    expect(second.lines.filter((line) => line.includes('"level":50'))).toEqual([]);
    const online = await db.select({ isOnline: chargers.isOnline, instanceId: chargers.instanceId }).from(chargers).where(eq(chargers.accountId, account.id));
    expect(online.every((row) => row.isOnline && row.instanceId === instanceId)).toBe(true);

    await stopSimulators();
    expect(await killServer(second, 'SIGTERM')).toBe(0);
  });
});
