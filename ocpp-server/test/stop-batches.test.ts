// Sessions stopping at many chargers at once (issue 23, the drain burst): their stops share a read and a write with
// other chargers' stops, and each session closes as the one-by-one transactional stop closes it: the same figures,
// cost lines, notification, card answer and local lists. A stop that statement cannot close (a resend, an unknown id,
// a session a member closed by hand, one a superseding start closes meanwhile) is answered as it is alone.
import { afterAll, describe, expect, it } from 'vitest';
import { and, asc, eq, inArray, sql as raw } from 'drizzle-orm';
import type { RPCClient } from 'ocpp-rpc';
import { accounts, cardLocalLists, cards, chargers, memberships, meterValues, notifications, sessionCostLines, tariffs, transactions, type TimeOfUsePeriod } from '../../db/schema';
import { makeAccount, makeCard, makeCharger, makeUser } from '../../db/seed/builders';
import { recordMeterValues } from '../../domain/data/charger-traffic/meter-values';
import { stopInTransaction } from '../../domain/data/charger-traffic/stops';
import { closeTransaction, startTransaction } from '../../domain/data/charger-traffic/transactions';
import { closeUnconfirmedSession } from '../../domain/data/session-control';
import { toIdTagInfo } from '../src/handlers/v16/id-tag-info';
import { toMeterSamples } from '../src/handlers/v16/samples';
import type { MeterValue } from '../src/ocpp/v16';
import { countedServer, quiet } from './counted-server';
import { connectClient, testDb, waitFor } from './helpers';

const { db, sql } = testDb();
const counted = countedServer();
afterAll(() => sql.end());

const CHARGERS = 20;
// Tuesday 10 March 2026 in Berlin (UTC+1), 06:30 to 19:30 local: across the time-of-use tariff's three weekday prices.
const STARTED_AT = '2026-03-10T05:30:00Z';
const STOPPED_AT = '2026-03-10T18:30:00Z';
const PERIODS: TimeOfUsePeriod[] = [
  { days: 'weekdays', fromHour: 0, toHour: 7, fromMonth: null, toMonth: null, pricePerKwh: '0.1000' },
  { days: 'weekdays', fromHour: 7, toHour: 17, fromMonth: null, toMonth: null, pricePerKwh: '0.3000' },
  { days: 'weekdays', fromHour: 17, toHour: 24, fromMonth: null, toMonth: null, pricePerKwh: '0.2000' },
];

type Driver = { userId: string; idTag: string; isCapped: boolean; isBlocked: boolean };
type Stopped = { idTagInfo?: { status: string } };

const reading = (timestamp: string, value: string, unit = 'Wh'): MeterValue => ({
  timestamp,
  sampledValue: [{ value, unit, measurand: 'Energy.Active.Import.Register', context: 'Sample.Periodic' } as MeterValue['sampledValue'][number]],
});
// The periodic reading sent while charging, which the stop's transactionData repeats, then one sent only there (kWh).
const PERIODIC = reading('2026-03-10T07:00:00Z', '12000');
const stopData = (index: number) => [PERIODIC, reading('2026-03-10T12:00:00Z', String(20 + index / 10), 'kWh')];
const stopOf = (transactionId: number, idTag: string, index: number) => ({ transactionId, idTag, meterStop: 30_000 + index * 100, timestamp: STOPPED_AT, reason: 'Local', transactionData: stopData(index) });

// An account on a time-of-use tariff with `count` chargers connected, each with its driver's card (every fifth one
// blocked, every fourth driver's energy capped), and a twin charger of each, never connected, for the reference.
async function fleet(count = CHARGERS) {
  const account = await makeAccount(db);
  await db.update(accounts).set({ timeZone: 'Europe/Berlin' }).where(eq(accounts.id, account.id));
  await db.insert(tariffs).values({ accountId: account.id, kind: 'timeOfUse', periods: PERIODS, currency: 'EUR', validFrom: new Date('2026-01-01T00:00:00Z') });
  const drivers: Driver[] = [];
  for (let index = 0; index < count; index++) {
    const user = await makeUser(db);
    const isCapped = index % 4 === 3;
    await db.insert(memberships).values({ accountId: account.id, userId: user.id, role: 'driver', energyCapWh: isCapped ? 10_000_000 : null });
    const isBlocked = index % 5 === 4;
    const card = await makeCard(db, { accountId: account.id, userId: user.id, status: isBlocked ? 'blocked' : 'active' });
    drivers.push({ userId: user.id, idTag: card.idTag, isCapped, isBlocked });
  }
  const list = await Promise.all(drivers.map(() => makeCharger(db, { accountId: account.id })));
  const twins = await Promise.all(drivers.map(() => makeCharger(db, { accountId: account.id })));
  const clients: RPCClient[] = [];
  for (const charger of list) clients.push(await connectClient(counted.server, { identity: charger.identity }));
  counted.clients.push(...clients);
  const sessions: number[] = [];
  for (const [index, client] of clients.entries()) {
    const started = (await client.call('StartTransaction', { connectorId: 1, idTag: drivers[index]!.idTag, meterStart: 10_000, timestamp: STARTED_AT })) as { transactionId: number };
    await client.call('MeterValues', { connectorId: 1, transactionId: started.transactionId, meterValue: [PERIODIC] });
    sessions.push(started.transactionId);
  }
  return { account, chargers: list, twins, drivers, clients, sessions };
}

type Fleet = Awaited<ReturnType<typeof fleet>>;

// The same session at the twin charger, stopped by the one-by-one transactional path: what the batch must equal.
async function referenceStop({ account, twins, drivers }: Fleet, index: number) {
  const ref = { chargerId: twins[index]!.id, accountId: account.id };
  const { transactionId } = await startTransaction(db, ref, { connectorId: 1, idTag: drivers[index]!.idTag, meterStartWh: 10_000, startedAt: new Date(STARTED_AT), reservationId: null });
  await recordMeterValues(db, [{ ...ref, connectorId: 1, transactionId, samples: toMeterSamples([PERIODIC]) }]);
  const stop = stopOf(transactionId, drivers[index]!.idTag, index);
  const result = await stopInTransaction(db, ref, { transactionId, meterStopWh: stop.meterStop, stoppedAt: new Date(STOPPED_AT), reason: 'Local', idTag: stop.idTag, samples: toMeterSamples(stop.transactionData) });
  return { transactionId, authorization: result.authorization };
}

async function closedAs(transactionId: number) {
  const [session] = await db
    .select({ meterStopWh: transactions.meterStopWh, stoppedAt: transactions.stoppedAt, stopReason: transactions.stopReason, stopIdTag: transactions.stopIdTag, energyWh: transactions.energyWh, cost: transactions.cost, currency: transactions.currency, pricePerKwh: transactions.pricePerKwh })
    .from(transactions)
    .where(eq(transactions.id, transactionId));
  const lines = await db
    .select({ startsAt: sessionCostLines.startsAt, endsAt: sessionCostLines.endsAt, energyWh: sessionCostLines.energyWh, pricePerKwh: sessionCostLines.pricePerKwh, cost: sessionCostLines.cost, currency: sessionCostLines.currency, basis: sessionCostLines.basis })
    .from(sessionCostLines)
    .where(eq(sessionCostLines.transactionId, transactionId))
    .orderBy(asc(sessionCostLines.startsAt));
  const finished = await db.select({ payload: notifications.payload }).from(notifications).where(and(eq(notifications.kind, 'session-finished'), raw`${notifications.payload}->>'transactionId' = ${String(transactionId)}`));
  // The figures told, not which session or charger they were told of (the reference's is its twin).
  const told = Object.entries((finished[0]?.payload ?? {}) as Record<string, unknown>).filter(([key]) => key !== 'transactionId' && key !== 'chargerName');
  // The readings the session's chart shows: the periodic one and the stop's own (transactionData).
  const readings = await db
    .select({ sampledAt: meterValues.sampledAt, measurand: meterValues.measurand, value: meterValues.value, unit: meterValues.unit, context: meterValues.context })
    .from(meterValues)
    .where(eq(meterValues.transactionId, transactionId))
    .orderBy(asc(meterValues.sampledAt), asc(meterValues.unit));
  return { session, lines, readings, finishedCount: finished.length, finished: Object.fromEntries(told) };
}

async function listVersion(accountId: string) {
  const [row] = await db.select({ version: cardLocalLists.version }).from(cardLocalLists).where(eq(cardLocalLists.accountId, accountId));
  return row?.version ?? 0;
}

// What the stops cost, not what their NOTIFYs set off once answered (the circuit planner reads each charger's circuit
// on its transaction-stopped event) nor postgres.js's type lookup on a connection it opens.
const isStopStatement = (statement: string) => !statement.includes('"circuit_chargers"') && !statement.includes('pg_catalog.');

async function stopAtOnce(clients: RPCClient[], requests: Record<string, unknown>[]) {
  await quiet(counted.counter);
  const from = counted.counter.executed.length;
  const answers = (await Promise.all(clients.map((client, index) => client.call('StopTransaction', requests[index]!)))) as Stopped[];
  await quiet(counted.counter);
  return { answers, statements: counted.counter.executed.slice(from) };
}

describe('sessions stopping at many chargers at once', () => {
  it('closes every session as the one-by-one stop does, from fewer statements than stops', async () => {
    const fixture = await fleet();
    const { account, clients, drivers, sessions } = fixture;
    const versionBefore = await listVersion(account.id);
    const burstAt = new Date();
    const { answers, statements } = await stopAtOnce(clients, sessions.map((id, index) => stopOf(id, drivers[index]!.idTag, index)));

    expect(statements.filter(isStopStatement).length).toBeLessThan(CHARGERS);
    expect(await listVersion(account.id)).toBe(versionBefore + drivers.filter((driver) => driver.isCapped).length);
    const touched = await db.select({ lastUsedAt: cards.lastUsedAt }).from(cards).where(inArray(cards.idTag, drivers.map((driver) => driver.idTag)));
    expect(touched.every(({ lastUsedAt }) => lastUsedAt !== null && lastUsedAt >= burstAt)).toBe(true);
    for (const [index, transactionId] of sessions.entries()) {
      const reference = await referenceStop(fixture, index);
      expect(answers[index]!.idTagInfo).toEqual(toIdTagInfo(reference.authorization!));
      expect(answers[index]!.idTagInfo?.status).toBe(drivers[index]!.isBlocked ? 'Blocked' : 'Accepted');
      const batched = await closedAs(transactionId);
      expect(batched.session).toMatchObject({ meterStopWh: 30_000 + index * 100, energyWh: 20_000 + index * 100, stopReason: 'Local', stopIdTag: drivers[index]!.idTag });
      expect(batched.lines.length).toBe(3);
      expect(batched.finishedCount).toBe(1);
      expect(batched.readings.map((row) => row.value)).toEqual(['12000', String(20 + index / 10)]);
      expect(batched).toEqual(await closedAs(reference.transactionId));
    }
  });

  it('answers a resent stop, an unknown id, a hand-closed session and a session superseded meanwhile in the same burst', async () => {
    const fixture = await fleet(8);
    const { account, chargers: list, clients, drivers, sessions } = fixture;
    const stops = sessions.map((id, index) => stopOf(id, drivers[index]!.idTag, index));
    // Charger 0 stopped already and resends its stop with other figures; charger 1 names a session nobody started.
    await clients[0]!.call('StopTransaction', stops[0]!);
    const resent = { ...stops[0]!, meterStop: 99_000 };
    const unknown = { ...stops[1]!, transactionId: 2_000_000_000 };
    // Charger 2's session was closed by hand while it was away; charger 3's is closed by a superseding start while the
    // burst's write waits for it.
    await db.update(transactions).set({ unconfirmedAt: new Date() }).where(eq(transactions.id, sessions[2]!));
    await db.update(chargers).set({ isOnline: false }).where(eq(chargers.id, list[2]!.id));
    expect(await closeUnconfirmedSession(db, { userId: account.owner.id, transactionId: sessions[2]!, note: 'away' })).toMatchObject({ ok: true });
    const requests = [resent, unknown, ...stops.slice(2)];
    const burstAt = new Date();

    const { answers } = await db.transaction(async (tx) => {
      await tx.select({ id: transactions.id }).from(transactions).where(eq(transactions.id, sessions[3]!)).for('no key update');
      const burst = stopAtOnce(clients, requests);
      await waitFor(async () => {
        const [waiting] = await db.execute<{ count: number }>(raw`select count(*)::int as count from pg_stat_activity where wait_event_type = 'Lock' and query like '%closed as (update%'`);
        return waiting!.count > 0;
      });
      await closeTransaction(tx, { id: sessions[3]!, chargerId: list[3]!.id, meterStartWh: 10_000 }, { meterStopWh: 12_000, stoppedAt: new Date('2026-03-10T16:00:00Z'), reason: 'Other', idTag: null });
      return { burst };
    }).then(({ burst }) => burst);

    for (const [index, answer] of answers.entries()) {
      expect(answer.idTagInfo?.status, `charger ${index}`).toBe(index === 1 ? undefined : drivers[index]!.isBlocked ? 'Blocked' : 'Accepted');
    }
    // The cards of the sessions this burst closed were last used now, not when an earlier burst ran the same write.
    const touched = await db.select({ lastUsedAt: cards.lastUsedAt }).from(cards).where(inArray(cards.idTag, drivers.slice(4).map((driver) => driver.idTag)));
    expect(touched.map(({ lastUsedAt }) => lastUsedAt !== null && lastUsedAt >= burstAt)).toEqual(drivers.slice(4).map(() => true));
    const first = await closedAs(sessions[0]!);
    expect(first.session).toMatchObject({ meterStopWh: 30_000, energyWh: 20_000 });
    expect(first.finishedCount).toBe(1);
    expect((await closedAs(sessions[1]!)).session?.stoppedAt).toBeNull();

    const reference = await referenceStop(fixture, 2);
    const handClosed = await closedAs(sessions[2]!);
    expect(handClosed.session).toMatchObject({ meterStopWh: 30_200, energyWh: 20_200, stopReason: 'Local' });
    expect(handClosed.lines).toEqual((await closedAs(reference.transactionId)).lines);
    expect(handClosed.finishedCount).toBe(1);

    const superseded = await closedAs(sessions[3]!);
    expect(superseded.session).toMatchObject({ meterStopWh: 12_000, energyWh: 2_000, stopReason: 'Other', stopIdTag: null });
    expect(superseded.finishedCount).toBe(1);

    for (let index = 4; index < sessions.length; index++) {
      const reference = await referenceStop(fixture, index);
      expect(await closedAs(sessions[index]!)).toEqual(await closedAs(reference.transactionId));
    }
  });

  it('closes OCPP 2.0.1 sessions ended at once through the same shared write', async () => {
    const account = await makeAccount(db);
    const list = await Promise.all(Array.from({ length: CHARGERS }, () => makeCharger(db, { accountId: account.id })));
    const clients: RPCClient[] = [];
    for (const charger of list) clients.push(await connectClient(counted.server, { identity: charger.identity, protocols: ['ocpp2.0.1'], strictMode: true }));
    counted.clients.push(...clients);
    const energy = (wh: number) => [{ timestamp: new Date().toISOString(), sampledValue: [{ value: wh, measurand: 'Energy.Active.Import.Register' }] }];
    const event = (index: number, eventType: 'Started' | 'Ended', wh: number) => ({
      eventType,
      timestamp: new Date().toISOString(),
      triggerReason: eventType === 'Started' ? 'CablePluggedIn' : 'EVDeparted',
      seqNo: eventType === 'Started' ? 0 : 1,
      transactionInfo: { transactionId: `end-${index}`, ...(eventType === 'Ended' ? { stoppedReason: 'EVDisconnected' } : {}) },
      ...(eventType === 'Started' ? { evse: { id: 1, connectorId: 1 } } : {}),
      meterValue: energy(wh),
    });
    await Promise.all(clients.map((client) => client.call('StatusNotification', { timestamp: new Date().toISOString(), connectorStatus: 'Occupied', evseId: 1, connectorId: 1 })));
    await Promise.all(clients.map((client, index) => client.call('TransactionEvent', event(index, 'Started', 1000))));
    await quiet(counted.counter);
    const from = counted.counter.executed.length;
    await Promise.all(clients.map((client, index) => client.call('TransactionEvent', event(index, 'Ended', 4000 + index))));
    const closes = counted.counter.executed.slice(from).filter((statement) => statement.includes('closed as (update'));

    expect(closes.length).toBeGreaterThan(0);
    expect(closes.length).toBeLessThan(CHARGERS);
    const sessions = await db.select({ chargerId: transactions.chargerId, energyWh: transactions.energyWh, stopReason: transactions.stopReason }).from(transactions).where(inArray(transactions.chargerId, list.map((charger) => charger.id)));
    expect(list.map((charger) => sessions.filter((session) => session.chargerId === charger.id))).toEqual(list.map((_, index) => [{ chargerId: list[index]!.id, energyWh: 3000 + index, stopReason: 'EVDisconnected' }]));
  });
});
