import { and, desc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { chargerPowerSettings, chargerSmartCharging, chargers, connectors, meterValues } from '../../db/schema';
import { makeCharger } from '../../db/seed/builders';
import { sendCommand } from '../../domain/commands/send';
import { maxPowerProfile } from '../../domain/smart-charging/owner-profiles';
import { DEFAULT_ELECTRICAL, type ChargingProfile } from '../../domain/smart-charging/profile';
import type { SmartChargingOptions } from '../simulator/charging-profiles';
import { waitFor } from './helpers';
import { startSimulator, transactionAnswered } from './simulators';
import { ocppSuite } from './suite';

// Provisioning on: it reads the charger's Smart Charging keys at each boot.
const suite = ocppSuite({ isProvisioning: true, provisionDelayMs: 0 });
const { db } = suite;

async function simulatedCharger(smartCharging?: SmartChargingOptions) {
  const { account } = suite.fixture;
  const charger = await makeCharger(db, { accountId: account.id });
  const simulator = await startSimulator(suite.server, { identity: charger.identity, smartCharging, powerW: 11_000 });
  await waitFor(async () => (await db.select({ isOnline: chargers.isOnline }).from(chargers).where(eq(chargers.id, charger.id)))[0]?.isOnline);
  const send = <A extends 'SetChargingProfile' | 'ClearChargingProfile' | 'GetCompositeSchedule'>(action: A, payload: Parameters<typeof sendCommand<A>>[1]['payload']) =>
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

const latestPower = async (chargerId: string) =>
  (
    await db
      .select({ value: meterValues.numericValue })
      .from(meterValues)
      .where(and(eq(meterValues.chargerId, chargerId), eq(meterValues.measurand, 'Power.Active.Import')))
      .orderBy(desc(meterValues.id))
      .limit(1)
  )[0]?.value;

const statusOf = async (chargerId: string) => (await db.select({ status: connectors.status }).from(connectors).where(and(eq(connectors.chargerId, chargerId), eq(connectors.connectorId, 1))))[0]?.status;

describe('charging profiles over the command bus', () => {
  it('installs a profile, reports it in the composite schedule, and clears it', async () => {
    const { send } = await simulatedCharger();
    expect(await send('SetChargingProfile', { connectorId: 0, csChargingProfiles: maxPowerProfile(7_000, 'W', DEFAULT_ELECTRICAL) })).toMatchObject({ status: 'accepted' });
    const composite = await send('GetCompositeSchedule', { connectorId: 1, duration: 3600, chargingRateUnit: 'W' });
    expect(composite).toMatchObject({ status: 'accepted', response: { chargingSchedule: { chargingRateUnit: 'W', chargingSchedulePeriod: [{ startPeriod: 0, limit: 7_000 }] } } });
    expect(await send('ClearChargingProfile', { chargingProfilePurpose: 'ChargePointMaxProfile' })).toMatchObject({ status: 'accepted' });
    // Nothing left to clear: the charger answers Unknown (1.6 §7.10).
    expect(await send('ClearChargingProfile', { chargingProfilePurpose: 'ChargePointMaxProfile' })).toMatchObject({ status: 'rejected', error: 'Unknown' });
    expect(await send('GetCompositeSchedule', { connectorId: 1, duration: 3600, chargingRateUnit: 'W' })).toMatchObject({
      response: { chargingSchedule: { chargingSchedulePeriod: [{ startPeriod: 0, limit: 11_000 }] } },
    });
  });

  it('is refused a stack level over ChargeProfileMaxStackLevel, a charge point maximum on a connector, and a TxProfile without a session', async () => {
    const { send } = await simulatedCharger({ maxStackLevel: 3 });
    expect(await send('SetChargingProfile', { connectorId: 0, csChargingProfiles: txDefault(5_000, { stackLevel: 4 }) })).toMatchObject({ status: 'rejected', error: 'Rejected' });
    expect(await send('SetChargingProfile', { connectorId: 1, csChargingProfiles: maxPowerProfile(5_000, 'W', DEFAULT_ELECTRICAL) })).toMatchObject({ status: 'rejected' });
    expect(await send('SetChargingProfile', { connectorId: 1, csChargingProfiles: txDefault(5_000, { chargingProfilePurpose: 'TxProfile' }) })).toMatchObject({ status: 'rejected' });
    expect(await send('SetChargingProfile', { connectorId: 0, csChargingProfiles: txDefault(5_000, { stackLevel: 3 }) })).toMatchObject({ status: 'accepted' });
  });

  it('records Rejected from a charger that refuses profiles', async () => {
    const { send } = await simulatedCharger({ rejectsProfiles: true });
    expect(await send('SetChargingProfile', { connectorId: 0, csChargingProfiles: txDefault(5_000) })).toMatchObject({ status: 'rejected', error: 'Rejected' });
  });

  it('records NotSupported and NotImplemented from a charger without Smart Charging', async () => {
    const { send, charger } = await simulatedCharger({ isSupported: false });
    expect(await send('SetChargingProfile', { connectorId: 0, csChargingProfiles: txDefault(5_000) })).toMatchObject({ status: 'rejected', error: 'NotSupported' });
    expect(await send('GetCompositeSchedule', { connectorId: 1, duration: 60 })).toMatchObject({ status: 'failed', error: expect.stringMatching(/^NotImplemented:/) });
    expect(await send('ClearChargingProfile', {})).toMatchObject({ status: 'failed' });
    const limits = await waitFor(async () => (await db.select().from(chargerSmartCharging).where(eq(chargerSmartCharging.chargerId, charger.id)))[0]);
    expect(limits).toMatchObject({ isSupported: false, maxStackLevel: null });
  });
});

describe('provisioning', () => {
  it('reads whether the charger implements Smart Charging and its limits', async () => {
    const { charger } = await simulatedCharger({ maxStackLevel: 5, maxProfilesInstalled: 4 });
    const limits = await waitFor(async () => (await db.select().from(chargerSmartCharging).where(eq(chargerSmartCharging.chargerId, charger.id)))[0]);
    expect(limits).toMatchObject({ isSupported: true, maxStackLevel: 5, allowedRateUnits: 'Current,Power', maxProfilesInstalled: 4 });
  });
});

describe('the owner’s settings at each boot', () => {
  const weekdayNights = [{ days: [0, 1, 2, 3, 4], from: '23:00', to: '07:00' }];

  async function chargerWithSettings(smartCharging?: SmartChargingOptions) {
    const { account } = suite.fixture;
    const charger = await makeCharger(db, { accountId: account.id });
    await db.insert(chargerPowerSettings).values({ chargerId: charger.id, accountId: account.id, maxPowerW: 7_000, windows: weekdayNights, timeZone: 'Europe/Vilnius' });
    const simulator = await startSimulator(suite.server, { identity: charger.identity, smartCharging, powerW: 11_000 });
    const sent = await waitFor(async () => {
      const [row] = await db.select().from(chargerPowerSettings).where(eq(chargerPowerSettings.chargerId, charger.id));
      return row?.sentAt ? row : null;
    });
    return { simulator, sent };
  }

  it('sends the maximum and the windows, and keeps the schedule the charger reports', async () => {
    const { simulator, sent } = await chargerWithSettings();
    expect(sent.sendOutcome).toBe('accepted');
    expect(simulator.chargingProfiles.limitW(1, new Date('2026-12-08T22:30:00Z'))).toBe(7_000);
    expect(simulator.chargingProfiles.limitW(1, new Date('2026-12-09T12:00:00Z'))).toBe(0);
    const limits = sent.reportedSchedule!.chargingSchedulePeriod.map((period) => period.limit);
    expect(new Set(limits)).toEqual(new Set([0, 7_000]));
  });

  // A weekly profile repeats every 604,800 s from the Monday it was sent in: once the owner's zone changes its offset
  // (summer time), each window would open an hour off until the settings are sent again.
  it('sends the windows again once the owner’s zone has changed its offset since they were sent, and only then', async () => {
    const { sent } = await chargerWithSettings();
    expect(await suite.server.provisioner!.resendShiftedWindows()).not.toContain(sent.chargerId);
    const summer = new Date('2026-07-01T12:00:00Z');
    // Sent in summer and swept in winter, whatever today's date. A provisioning run still going from the connection
    // may write its own sentAt over this one, so it is set again until the sweep has seen it.
    const winter = new Date('2026-12-02T12:00:00Z');
    await waitFor(async () => {
      await db.update(chargerPowerSettings).set({ sentAt: summer }).where(eq(chargerPowerSettings.chargerId, sent.chargerId));
      return (await suite.server.provisioner!.resendShiftedWindows(winter)).includes(sent.chargerId);
    });
    await waitFor(async () => {
      const [row] = await db.select({ sentAt: chargerPowerSettings.sentAt }).from(chargerPowerSettings).where(eq(chargerPowerSettings.chargerId, sent.chargerId));
      return row?.sentAt && row.sentAt > summer;
    });
  });

  it('records a charger that refuses them, and one without Smart Charging, and sends the latter nothing', async () => {
    expect((await chargerWithSettings({ rejectsProfiles: true })).sent).toMatchObject({ sendOutcome: 'rejected', reportedSchedule: { chargingSchedulePeriod: [{ limit: 11_000 }] } });
    const without = await chargerWithSettings({ isSupported: false });
    expect(without.sent).toMatchObject({ sendOutcome: 'notSupported', reportedSchedule: null });
    expect(without.simulator.receivedCalls).not.toContain('SetChargingProfile');
  });
});

describe('the simulated charger under a profile', () => {
  it('draws what the limit allows, suspends at 0 and charges again when the limit rises', async () => {
    const { charger, simulator, send } = await simulatedCharger();
    const started = transactionAnswered(simulator, 'transactionStarted', 1);
    await simulator.startSession(1, 'POWERCARD', { shouldAuthorize: false });
    await started;
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

  it('drops a TxProfile when its transaction ends', async () => {
    const { simulator, send } = await simulatedCharger();
    const started = transactionAnswered(simulator, 'transactionStarted', 1);
    await simulator.startSession(1, 'POWERCARD', { shouldAuthorize: false });
    const transactionId = await started;
    expect(await send('SetChargingProfile', { connectorId: 1, csChargingProfiles: txDefault(2_000, { chargingProfilePurpose: 'TxProfile', transactionId }) })).toMatchObject({ status: 'accepted' });
    expect(simulator.powerW(1)).toBe(2_000);
    await simulator.stopSession(1);
    expect(simulator.chargingProfiles.limitW(1)).toBe(11_000);
  });
});
