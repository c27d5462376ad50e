import { and, desc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { chargerPowerSettings, chargers, connectors, meterValues, transactions } from '../../db/schema';
import { makeCharger } from '../../db/seed/builders';
import { sendCommand } from '../../domain/commands/send';
import { maxPowerProfile } from '../../domain/smart-charging/owner-profiles';
import { sendPowerSettingsOverBus } from '../../domain/smart-charging/send-over-bus';
import { DEFAULT_ELECTRICAL, type ChargingProfile } from '../../domain/smart-charging/profile';
import type { SmartChargingOptions } from '../simulator/charging-profiles';
import { waitFor } from './helpers';
import { startSimulator201, transactionEvented } from './simulators';
import { ocppSuite } from './suite';

// ocpp-server/test/smart-charging.test.ts again, for a charger speaking OCPP 2.0.1: the same commands on the bus, sent
// as 2.0.1's SetChargingProfile, ClearChargingProfile and GetCompositeSchedule.
const suite = ocppSuite({ isProvisioning: true, provisionDelayMs: 0 });
const { db } = suite;

type ProfileAction = 'SetChargingProfile' | 'ClearChargingProfile' | 'GetCompositeSchedule' | 'Reset';

async function simulatedCharger(smartCharging?: SmartChargingOptions) {
  const { account } = suite.fixture;
  const charger = await makeCharger(db, { accountId: account.id });
  const simulator = await startSimulator201(suite.server, { identity: charger.identity, evses: 2, smartCharging, powerW: 11_000 });
  await waitFor(async () => (await db.select({ isOnline: chargers.isOnline }).from(chargers).where(eq(chargers.id, charger.id)))[0]?.isOnline);
  const send = <A extends ProfileAction>(action: A, payload: Parameters<typeof sendCommand<A>>[1]['payload']) =>
    sendCommand(db, { accountId: account.id, chargerId: charger.id, action, payload }).then((result) => (result.ok ? result.value : null));
  return { charger, simulator, send };
}

const txDefault = (limit: number, overrides: Partial<ChargingProfile> = {}): ChargingProfile => ({
  chargingProfileId: 7,
  stackLevel: 1,
  chargingProfilePurpose: 'TxDefaultProfile',
  chargingProfileKind: 'Absolute',
  chargingSchedule: { startSchedule: new Date(Date.now() - 60_000).toISOString(), chargingRateUnit: 'W', chargingSchedulePeriod: [{ startPeriod: 0, limit }] },
  ...overrides,
});

const latestPower = async (chargerId: string, connectorId = 1) =>
  (
    await db
      .select({ value: meterValues.numericValue })
      .from(meterValues)
      .where(and(eq(meterValues.chargerId, chargerId), eq(meterValues.connectorId, connectorId), eq(meterValues.measurand, 'Power.Active.Import')))
      .orderBy(desc(meterValues.id))
      .limit(1)
  )[0]?.value;

const statusOf = async (chargerId: string) => (await db.select({ status: connectors.status }).from(connectors).where(and(eq(connectors.chargerId, chargerId), eq(connectors.connectorId, 1))))[0]?.status;
const sessionOf = async (ocppTransactionId: string) => (await db.select().from(transactions).where(eq(transactions.ocppTransactionId, ocppTransactionId)))[0]!;

async function readerSession(simulator: Awaited<ReturnType<typeof simulatedCharger>>['simulator'], evseId = 1) {
  const started = transactionEvented(simulator, 'transactionStarted', evseId);
  await simulator.startSession(evseId, 'POWERCARD', { remoteStartId: 1 });
  return sessionOf(await started);
}

describe('charging profiles to a 2.0.1 charger over the command bus', () => {
  it('installs a profile, reports it in the composite schedule as a 1.6 charger would, and clears it', async () => {
    const { send } = await simulatedCharger();
    expect(await send('SetChargingProfile', { connectorId: 0, csChargingProfiles: maxPowerProfile(7_000, 'W', DEFAULT_ELECTRICAL) })).toMatchObject({ status: 'accepted' });
    const composite = await send('GetCompositeSchedule', { connectorId: 1, duration: 3600, chargingRateUnit: 'W' });
    expect(composite).toMatchObject({ status: 'accepted', response: { connectorId: 1, chargingSchedule: { chargingRateUnit: 'W', duration: 3600, chargingSchedulePeriod: [{ startPeriod: 0, limit: 7_000 }] } } });
    expect(await send('ClearChargingProfile', { chargingProfilePurpose: 'ChargePointMaxProfile' })).toMatchObject({ status: 'accepted' });
    expect(await send('ClearChargingProfile', { chargingProfilePurpose: 'ChargePointMaxProfile' })).toMatchObject({ status: 'rejected', error: 'Unknown' });
    expect(await send('GetCompositeSchedule', { connectorId: 1, duration: 3600, chargingRateUnit: 'W' })).toMatchObject({
      response: { chargingSchedule: { chargingSchedulePeriod: [{ startPeriod: 0, limit: 11_000 }] } },
    });
  });

  it('is refused a stack level over its maximum, a station maximum on an EVSE, and a TxProfile without a transaction', async () => {
    const { send } = await simulatedCharger({ maxStackLevel: 3 });
    expect(await send('SetChargingProfile', { connectorId: 0, csChargingProfiles: txDefault(5_000, { stackLevel: 4 }) })).toMatchObject({ status: 'rejected', error: 'Rejected' });
    expect(await send('SetChargingProfile', { connectorId: 1, csChargingProfiles: maxPowerProfile(5_000, 'W', DEFAULT_ELECTRICAL) })).toMatchObject({ status: 'rejected' });
    expect(await send('SetChargingProfile', { connectorId: 1, csChargingProfiles: txDefault(5_000, { chargingProfilePurpose: 'TxProfile' }) })).toMatchObject({ status: 'rejected' });
    expect(await send('SetChargingProfile', { connectorId: 0, csChargingProfiles: txDefault(5_000, { stackLevel: 3 }) })).toMatchObject({ status: 'accepted' });
  });

  it('fails a TxProfile for a session the charger has no transaction id for, sending nothing', async () => {
    const { send, simulator } = await simulatedCharger();
    const answer = await send('SetChargingProfile', { connectorId: 1, csChargingProfiles: txDefault(5_000, { chargingProfilePurpose: 'TxProfile', transactionId: 2_000_000_000 }) });
    expect(answer).toMatchObject({ status: 'failed', error: expect.stringMatching(/^GenericError:/) });
    expect(simulator.receivedCalls).not.toContain('SetChargingProfile');
  });
});

describe('the owner’s settings at each boot of a 2.0.1 charger', () => {
  it('sends the maximum and the windows, and keeps the schedule the charger reports', async () => {
    const { account } = suite.fixture;
    const charger = await makeCharger(db, { accountId: account.id });
    const weekdayNights = [{ days: [0, 1, 2, 3, 4], from: '23:00', to: '07:00' }];
    await db.insert(chargerPowerSettings).values({ chargerId: charger.id, accountId: account.id, maxPowerW: 7_000, windows: weekdayNights, timeZone: 'Europe/Vilnius' });
    const simulator = await startSimulator201(suite.server, { identity: charger.identity, evses: 1, powerW: 11_000 });
    const sent = await waitFor(async () => {
      const [row] = await db.select().from(chargerPowerSettings).where(eq(chargerPowerSettings.chargerId, charger.id));
      return row?.sentAt ? row : null;
    });
    expect(sent.sendOutcome).toBe('accepted');
    expect(simulator.chargingProfiles.limitW(1, new Date('2026-12-08T22:30:00Z'))).toBe(7_000);
    expect(simulator.chargingProfiles.limitW(1, new Date('2026-12-09T12:00:00Z'))).toBe(0);
    expect(new Set(sent.reportedSchedule!.chargingSchedulePeriod.map((period) => period.limit))).toEqual(new Set([0, 7_000]));
  });
});

describe('the owner’s power limit saved for a connected 2.0.1 charger', () => {
  it('is sent over the command bus, and the running session draws no more', async () => {
    const { charger, simulator } = await simulatedCharger();
    await readerSession(simulator);
    await waitFor(async () => (await latestPower(charger.id)) === 11_000);
    const { account } = suite.fixture;
    await db.insert(chargerPowerSettings).values({ chargerId: charger.id, accountId: account.id, maxPowerW: 4_000, windows: [], timeZone: 'UTC' });
    expect(await sendPowerSettingsOverBus(db, { accountId: account.id, chargerId: charger.id, requestedBy: account.owner.id })).toBe('accepted');
    await waitFor(async () => (await latestPower(charger.id)) === 4_000);
    const [settings] = await db.select().from(chargerPowerSettings).where(eq(chargerPowerSettings.chargerId, charger.id));
    expect(settings?.reportedSchedule?.chargingSchedulePeriod).toEqual([expect.objectContaining({ startPeriod: 0, limit: 4_000 })]);
  });
});

describe('the 2.0.1 simulator under a profile', () => {
  it('draws what the limit allows, suspends at 0 and charges again when the limit rises', async () => {
    const { charger, simulator, send } = await simulatedCharger();
    await readerSession(simulator);
    await waitFor(async () => (await latestPower(charger.id)) === 11_000);
    await send('SetChargingProfile', { connectorId: 0, csChargingProfiles: txDefault(3_000) });
    await waitFor(async () => (await latestPower(charger.id)) === 3_000);
    await send('SetChargingProfile', { connectorId: 0, csChargingProfiles: txDefault(0) });
    await waitFor(async () => (await statusOf(charger.id)) === 'SuspendedEVSE');
    await waitFor(async () => (await latestPower(charger.id)) === 0);
    await send('SetChargingProfile', { connectorId: 0, csChargingProfiles: txDefault(6_000) });
    await waitFor(async () => (await statusOf(charger.id)) === 'Charging');
    await waitFor(async () => (await latestPower(charger.id)) === 6_000);
  });

  it('binds a TxProfile to the session’s own 2.0.1 transaction id, and drops it when the transaction ends', async () => {
    const { simulator, send } = await simulatedCharger();
    const session = await readerSession(simulator);
    const profile = txDefault(2_000, { chargingProfilePurpose: 'TxProfile', transactionId: session.id });
    expect(await send('SetChargingProfile', { connectorId: 1, csChargingProfiles: profile })).toMatchObject({ status: 'accepted' });
    expect(simulator.powerW(1)).toBe(2_000);
    // The same profile on the other EVSE names a transaction that does not run there.
    expect(await send('SetChargingProfile', { connectorId: 2, csChargingProfiles: profile })).toMatchObject({ status: 'rejected' });
    await simulator.stopSession(1);
    expect(simulator.chargingProfiles.limitW(1)).toBe(11_000);
  });
});

describe('an owner’s reset of a 2.0.1 charger', () => {
  it('sends a Soft reset as Immediate: the running session ends and the charger boots again, as a 1.6 Soft reset does', async () => {
    const { simulator, send } = await simulatedCharger();
    const session = await readerSession(simulator);
    const rebooted = new Promise((resolve) => simulator.once('rebooted', resolve));
    expect(await send('Reset', { type: 'Soft' })).toMatchObject({ status: 'accepted' });
    await rebooted;
    const ended = await waitFor(async () => {
      const row = await sessionOf(session.ocppTransactionId!);
      return row.stoppedAt && row;
    });
    expect(ended.stopReason).toBe('ImmediateReset');
  });
});
