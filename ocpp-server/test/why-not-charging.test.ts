import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { chargerPowerSettings, chargingEvents, memberships, users } from '../../db/schema';
import { makeCard, makeCharger, makeUser } from '../../db/seed/builders';
import { CHARGER_EVENTS_CHANNEL } from '../../domain/charging/charger-events';
import { CHARGING_EVENTS_KEPT } from '../../domain/charging/charging-events';
import { sendCommand } from '../../domain/commands/send';
import { trimChargingEvents } from '../../domain/data/charger-traffic/charging-events';
import { getWhyNotCharging } from '../../domain/data/why-not-charging';
import { reserveConnector } from '../../domain/reservations/reserve';
import { sendPowerSettingsOverBus } from '../../domain/smart-charging/send-over-bus';
import { runScriptedSteps } from '../simulator/scripted-steps';
import type { SimulatedChargerOptions } from '../simulator/simulated-charger';
import { waitFor } from './helpers';
import { startSimulator } from './simulators';
import { ocppSuite } from './suite';

// Each reason of "why isn't it charging?" as the project's simulator produces it over a real socket, read back the way
// the page reads it. A short call timeout, so that a remote start nobody answers times out within the test.
const suite = ocppSuite({ callTimeoutMs: 500 });
const { db, sql } = suite;
const account = () => suite.fixture.account;

async function simulated(options: Omit<SimulatedChargerOptions, 'url' | 'identity'> = {}) {
  const charger = await makeCharger(db, { accountId: account().id });
  const simulator = await startSimulator(suite.server, { identity: charger.identity, connectors: 2, ...options });
  return { charger, simulator };
}

const why = async (chargerId: string, userId = account().owner.id) => (await getWhyNotCharging(db, { userId, chargerId }))!.connectors;

async function remoteStart(chargerId: string, { userId = account().owner.id, connectorId = 1 } = {}) {
  const sent = await sendCommand(db, { accountId: account().id, chargerId, action: 'RemoteStartTransaction', payload: { idTag: 'ANY', connectorId }, requestedBy: userId });
  if (!sent.ok) throw new Error('RemoteStartTransaction not queued');
  return sent.value;
}

describe('why a charger is not charging, as recorded by the OCPP server', () => {
  it('blames the owner’s charging windows while they hold a session at 0, and says when the next one opens', async () => {
    const { charger, simulator } = await simulated();
    const opens = new Date(Math.ceil((Date.now() + 2 * 3600_000) / 3600_000) * 3600_000);
    const hour = (at: Date) => `${String(at.getUTCHours()).padStart(2, '0')}:00`;
    const windows = [{ days: [0, 1, 2, 3, 4, 5, 6], from: hour(opens), to: hour(new Date(opens.getTime() + 3600_000)) }];
    await db.insert(chargerPowerSettings).values({ chargerId: charger.id, accountId: account().id, maxPowerW: null, windows, timeZone: 'UTC' });
    expect(await sendPowerSettingsOverBus(db, { accountId: account().id, chargerId: charger.id, requestedBy: account().owner.id })).toBe('accepted');
    await simulator.startSession(1, 'ANY', { shouldAuthorize: false });
    const [one] = await waitFor(async () => {
      const connectors = await why(charger.id);
      return connectors[0]!.now.code === 'limitedBySchedule' && connectors;
    });
    expect(one!.now).toEqual({ code: 'limitedBySchedule', resumesAt: opens });
  });

  it('names each card refused at the reader on every connector: unknown, blocked, expired, virtual', async () => {
    const blocked = await makeCard(db, { accountId: account().id, status: 'blocked' });
    const expired = await makeCard(db, { accountId: account().id, expiresAt: new Date(Date.now() - 60_000) });
    const virtual = await makeCard(db, { accountId: account().id, kind: 'virtual', userId: account().owner.id });
    const { charger, simulator } = await simulated();
    await runScriptedSteps(simulator, { presentedCards: ['NOBODY-KNOWS', blocked.idTag, expired.idTag, virtual.idTag], statuses: [] });

    const [one, two] = await why(charger.id);
    const refusals = one!.timeline.map((entry) => entry.code === 'cardRefused' && [entry.refusal, entry.idTag, entry.isChargerWide]);
    expect(refusals).toEqual([
      ['virtual', virtual.idTag, true],
      ['expired', expired.idTag, true],
      ['blocked', blocked.idTag, true],
      ['unknown', 'NOBODY-KNOWS', true],
    ]);
    expect(two!.timeline).toEqual(one!.timeline);
    expect(one!.now).toMatchObject({ code: 'recent', entry: { refusal: 'virtual' } });
  });

  it('keeps a card refused in a StartTransaction on its connector', async () => {
    const blocked = await makeCard(db, { accountId: account().id, status: 'blocked' });
    const { charger, simulator } = await simulated();
    await simulator.startSession(2, blocked.idTag, { shouldAuthorize: false });
    await waitFor(async () => (await why(charger.id))[1]!.timeline.some((entry) => entry.code === 'cardRefused'));
    const [one, two] = await why(charger.id);
    expect(one!.timeline.filter((entry) => entry.code === 'cardRefused')).toEqual([]);
    expect(two!.timeline.find((entry) => entry.code === 'cardRefused')).toMatchObject({ refusal: 'blocked', isChargerWide: false });
  });

  it('says the car is not ready (SuspendedEV) and the connector out of order with its error code, once per change', async () => {
    const { charger, simulator } = await simulated();
    const statuses = [
      { connectorId: 1, status: 'SuspendedEV' as const, errorCode: 'NoError' as const },
      { connectorId: 2, status: 'Faulted' as const, errorCode: 'GroundFailure' as const },
      { connectorId: 2, status: 'Faulted' as const, errorCode: 'GroundFailure' as const },
    ];
    await runScriptedSteps(simulator, { presentedCards: [], statuses });
    const [one, two] = await why(charger.id);
    expect(one!.now).toEqual({ code: 'carNotReady' });
    expect(one!.timeline).toMatchObject([{ code: 'status', status: 'SuspendedEV', isChargerWide: false }]);
    expect(two!.now).toEqual({ code: 'outOfOrder', status: 'Faulted', errorCode: 'GroundFailure' });
    expect(two!.timeline).toMatchObject([{ code: 'status', status: 'Faulted', errorCode: 'GroundFailure' }]);
  });

  it('says a remote start was rejected, or not answered, on the connector it named', async () => {
    const rejecting = await simulated({ rejectsRemoteStarts: true });
    expect((await remoteStart(rejecting.charger.id)).status).toBe('rejected');
    expect((await why(rejecting.charger.id))[0]!.now).toMatchObject({ code: 'recent', entry: { code: 'remoteStart', outcome: 'rejected' } });

    const silent = await simulated({ ignoreActions: ['RemoteStartTransaction'] });
    await remoteStart(silent.charger.id, { connectorId: 2 });
    const [one, two] = await waitFor(async () => {
      const connectors = await why(silent.charger.id);
      return connectors[1]!.timeline.some((entry) => entry.code === 'remoteStart' && entry.outcome === 'timeout') && connectors;
    });
    expect(two!.now).toMatchObject({ code: 'recent', entry: { outcome: 'timeout' } });
    expect(one!.timeline).toEqual([]);
  });

  it("tells the account's open pages when the outcome of a remote start is recorded", async () => {
    const heard: string[] = [];
    const listening = await sql.listen(CHARGER_EVENTS_CHANNEL, (payload) => heard.push(payload));
    try {
      const { charger } = await simulated({ rejectsRemoteStarts: true });
      await remoteStart(charger.id);
      const event = { accountId: account().id, chargerId: charger.id, kind: 'remote-start' };
      await waitFor(async () => heard.some((payload) => JSON.stringify(JSON.parse(payload)) === JSON.stringify(event)));
    } finally {
      await listening.unlisten();
    }
  });

  it('names who holds a reserved connector, for every member of the account', async () => {
    const member = await makeUser(db);
    await db.insert(memberships).values({ accountId: account().id, userId: member.id, role: 'member' });
    const card = await makeCard(db, { accountId: account().id, kind: 'virtual', userId: account().owner.id });
    const { charger } = await simulated();
    const reserved = await reserveConnector(db, { userId: account().owner.id, chargerId: charger.id, connectorId: 1, cardId: card.id, minutes: 60 });
    expect(reserved.ok).toBe(true);
    const [held] = await why(charger.id, member.id);
    const [owner] = await db.select({ name: users.name }).from(users).where(eq(users.id, account().owner.id));
    expect(held!.now).toMatchObject({ code: 'reserved', isForViewer: false, holderName: owner!.name });
    const [own] = await why(charger.id);
    expect(own!.now).toMatchObject({ code: 'reserved', isForViewer: true });
    expect(await getWhyNotCharging(db, { userId: (await makeUser(db)).id, chargerId: charger.id })).toBeNull();
  });

  it('says the charger is offline once its connection is gone', async () => {
    const { charger, simulator } = await simulated();
    await simulator.stop();
    const [one] = await waitFor(async () => {
      const connectors = await why(charger.id);
      return connectors[0]!.now.code === 'offline' && connectors;
    });
    expect(one!.timeline).toMatchObject([{ code: 'wentOffline', isChargerWide: true }]);
  });

  it('keeps the newest events of each charger only', async () => {
    const charger = await makeCharger(db, { accountId: account().id });
    const before = await trimChargingEvents(db, { afterId: 0 });
    const rows = Array.from({ length: CHARGING_EVENTS_KEPT + 5 }, (_, index) => ({ chargerId: charger.id, connectorId: 0, kind: 'card', code: 'unknown', idTag: `T${index}` }));
    await db.insert(chargingEvents).values(rows);
    await trimChargingEvents(db, { afterId: before });
    const kept = await db.select({ idTag: chargingEvents.idTag }).from(chargingEvents).where(eq(chargingEvents.chargerId, charger.id));
    expect(kept).toHaveLength(CHARGING_EVENTS_KEPT);
    expect(kept.map((row) => row.idTag)).not.toContain('T4');
    expect(kept.map((row) => row.idTag)).toContain('T5');
  });
});
