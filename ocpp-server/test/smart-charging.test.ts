import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { chargerPowerSettings, chargerSmartCharging, circuitChargers, circuits } from '../../db/schema';
import { makeCharger } from '../../db/seed/builders';
import { staticShareA } from '../../domain/circuits/allocate';
import { maxPowerProfile } from '../../domain/smart-charging/owner-profiles';
import { sendPowerSettingsOverBus } from '../../domain/smart-charging/send-over-bus';
import { DEFAULT_ELECTRICAL } from '../../domain/smart-charging/profile';
import type { SmartChargingOptions } from '../simulator/charging-profiles';
import { waitFor } from './helpers';
import { latestPower, smartChargingChargers, statusOf, txDefault } from './smart-charging-chargers';
import { ocppSuite } from './suite';

// Provisioning on: it reads the charger's Smart Charging keys at each boot. A 2.0.1 charger gets the same commands on
// the bus, sent as 2.0.1's SetChargingProfile, ClearChargingProfile and GetCompositeSchedule.
const suite = ocppSuite({ isProvisioning: true, provisionDelayMs: 0 });
const { db } = suite;
const { v16, v201 } = smartChargingChargers(suite);
// Every night, so that the 24 hours of schedule the charger reports from now hold a window and the hours outside it
// whenever the suite runs: with weekday nights only, a run from Saturday 07:00 to Sunday 23:00 in Vilnius saw none.
const nights = [{ days: [0, 1, 2, 3, 4, 5, 6], from: '23:00', to: '07:00' }];

// A charger whose owner set 7 kW and nights before it booted, once the settings are sent.
async function chargerWithSettings(boot: typeof v16.boot | typeof v201.boot, smartCharging?: SmartChargingOptions) {
  const { account } = suite.fixture;
  const charger = await makeCharger(db, { accountId: account.id });
  await db.insert(chargerPowerSettings).values({ chargerId: charger.id, accountId: account.id, maxPowerW: 7_000, windows: nights, timeZone: 'Europe/Vilnius' });
  const simulator = await boot(charger.identity, smartCharging);
  const sent = await waitFor(async () => {
    const [row] = await db.select().from(chargerPowerSettings).where(eq(chargerPowerSettings.chargerId, charger.id));
    return row?.sentAt ? row : null;
  });
  return { simulator, sent };
}

const limitsOf = (chargerId: string) => waitFor(async () => (await db.select().from(chargerSmartCharging).where(eq(chargerSmartCharging.chargerId, chargerId)))[0]);

describe.each([v16, v201])('smart charging of an $protocol charger', ({ boot, start }) => {
  // 1.6 reports them in configuration keys, 2.0.1 in SmartChargingCtrlr's variables (RateUnit "W").
  it('reads at provisioning whether the charger implements Smart Charging, its highest stack level and its units', async () => {
    const { charger } = await start({ maxStackLevel: 5, rateUnits: ['W'] });
    expect(await limitsOf(charger.id)).toMatchObject({ isSupported: true, maxStackLevel: 5, allowedRateUnits: 'Power' });
  });

  it('sends the owner’s settings in amperes to a charger that takes only amperes', async () => {
    const { sent } = await chargerWithSettings(boot, { rateUnits: ['A'] });
    expect(sent).toMatchObject({ sendOutcome: 'accepted', reportedSchedule: { chargingRateUnit: 'A' } });
  });

  it('sends a charger without Smart Charging nothing, and records that it has none', async () => {
    const { simulator, sent } = await chargerWithSettings(boot, { isSupported: false });
    expect(sent).toMatchObject({ sendOutcome: 'notSupported', reportedSchedule: null });
    expect(simulator.receivedCalls).not.toContain('SetChargingProfile');
    expect(await limitsOf(sent.chargerId)).toMatchObject({ isSupported: false });
  });

  // The circuit's share is in amperes at stack level 1: this charger refuses both, so it must get watts at level 0.
  it('gets its circuit’s share in watts and at no stack level above its own when it takes only watts up to level 0', async () => {
    const { account } = suite.fixture;
    const [circuit] = await db.insert(circuits).values({ accountId: account.id, name: 'Garage', capacityA: 16 }).returning();
    const charger = await makeCharger(db, { accountId: account.id });
    await db.insert(circuitChargers).values({ chargerId: charger.id, accountId: account.id, circuitId: circuit!.id });
    const simulator = await boot(charger.identity, { rateUnits: ['W'], maxStackLevel: 0 });
    // Each of its two connectors' static share, in watts on its three phases.
    const shareW = staticShareA(16, 2) * 230 * 3;
    await waitFor(async () => Math.abs(simulator.chargingProfiles.limitW(1) - shareW) < 1);
  });

  it('installs a profile over the command bus, reports it in the composite schedule, and clears it', async () => {
    const { send } = await start();
    expect(await send('SetChargingProfile', { connectorId: 0, csChargingProfiles: maxPowerProfile(7_000, 'W', DEFAULT_ELECTRICAL) })).toMatchObject({ status: 'accepted' });
    const composite = await send('GetCompositeSchedule', { connectorId: 1, duration: 3600, chargingRateUnit: 'W' });
    expect(composite).toMatchObject({ status: 'accepted', response: { connectorId: 1, chargingSchedule: { chargingRateUnit: 'W', duration: 3600, chargingSchedulePeriod: [{ startPeriod: 0, limit: 7_000 }] } } });
    expect(await send('ClearChargingProfile', { chargingProfilePurpose: 'ChargePointMaxProfile' })).toMatchObject({ status: 'accepted' });
    // Nothing left to clear: the charger answers Unknown (1.6 §7.10; 2.0.1 the same word).
    expect(await send('ClearChargingProfile', { chargingProfilePurpose: 'ChargePointMaxProfile' })).toMatchObject({ status: 'rejected', error: 'Unknown' });
    expect(await send('GetCompositeSchedule', { connectorId: 1, duration: 3600, chargingRateUnit: 'W' })).toMatchObject({
      response: { chargingSchedule: { chargingSchedulePeriod: [{ startPeriod: 0, limit: 11_000 }] } },
    });
  });

  it('is refused a stack level over its maximum, a charger maximum on a connector, and a TxProfile without a session', async () => {
    const { send } = await start({ maxStackLevel: 3 });
    expect(await send('SetChargingProfile', { connectorId: 0, csChargingProfiles: txDefault(5_000, { stackLevel: 4 }) })).toMatchObject({ status: 'rejected', error: 'Rejected' });
    expect(await send('SetChargingProfile', { connectorId: 1, csChargingProfiles: maxPowerProfile(5_000, 'W', DEFAULT_ELECTRICAL) })).toMatchObject({ status: 'rejected' });
    expect(await send('SetChargingProfile', { connectorId: 1, csChargingProfiles: txDefault(5_000, { chargingProfilePurpose: 'TxProfile' }) })).toMatchObject({ status: 'rejected' });
    expect(await send('SetChargingProfile', { connectorId: 0, csChargingProfiles: txDefault(5_000, { stackLevel: 3 }) })).toMatchObject({ status: 'accepted' });
  });

  it('sends the owner’s maximum and windows at boot, and keeps the schedule the charger reports', async () => {
    const { simulator, sent } = await chargerWithSettings(boot);
    expect(sent.sendOutcome).toBe('accepted');
    expect(simulator.chargingProfiles.limitW(1, new Date('2026-12-08T22:30:00Z'))).toBe(7_000);
    expect(simulator.chargingProfiles.limitW(1, new Date('2026-12-09T12:00:00Z'))).toBe(0);
    expect(new Set(sent.reportedSchedule!.chargingSchedulePeriod.map((period) => period.limit))).toEqual(new Set([0, 7_000]));
  });

  it('sends the owner’s power limit saved while it is connected over the command bus, and the running session draws no more', async () => {
    const { charger, charge } = await start();
    await charge();
    await waitFor(async () => (await latestPower(db, charger.id)) === 11_000);
    const { account } = suite.fixture;
    await db.insert(chargerPowerSettings).values({ chargerId: charger.id, accountId: account.id, maxPowerW: 4_000, windows: [], timeZone: 'UTC' });
    expect(await sendPowerSettingsOverBus(db, { accountId: account.id, chargerId: charger.id, requestedBy: account.owner.id })).toBe('accepted');
    await waitFor(async () => (await latestPower(db, charger.id)) === 4_000);
    const [settings] = await db.select().from(chargerPowerSettings).where(eq(chargerPowerSettings.chargerId, charger.id));
    expect(settings?.reportedSchedule?.chargingSchedulePeriod).toEqual([expect.objectContaining({ startPeriod: 0, limit: 4_000 })]);
  });

  it('has the simulator draw what the limit allows, suspend at 0 and charge again when the limit rises', async () => {
    const { charger, send, charge } = await start();
    await charge();
    await waitFor(async () => (await latestPower(db, charger.id)) === 11_000);
    await send('SetChargingProfile', { connectorId: 0, csChargingProfiles: txDefault(3_000) });
    await waitFor(async () => (await latestPower(db, charger.id)) === 3_000);
    await send('SetChargingProfile', { connectorId: 0, csChargingProfiles: txDefault(0) });
    await waitFor(async () => (await statusOf(db, charger.id)) === 'SuspendedEVSE');
    await waitFor(async () => (await latestPower(db, charger.id)) === 0);
    await send('SetChargingProfile', { connectorId: 0, csChargingProfiles: txDefault(6_000) });
    await waitFor(async () => (await statusOf(db, charger.id)) === 'Charging');
    await waitFor(async () => (await latestPower(db, charger.id)) === 6_000);
  });

  it('binds a TxProfile to the session’s transaction, and the simulator drops it when the transaction ends', async () => {
    const { simulator, send, charge } = await start();
    const profile = txDefault(2_000, { chargingProfilePurpose: 'TxProfile', transactionId: await charge() });
    expect(await send('SetChargingProfile', { connectorId: 1, csChargingProfiles: profile })).toMatchObject({ status: 'accepted' });
    expect(simulator.powerW(1)).toBe(2_000);
    // The same profile on the other connector names a transaction that does not run there.
    expect(await send('SetChargingProfile', { connectorId: 2, csChargingProfiles: profile })).toMatchObject({ status: 'rejected' });
    await simulator.stopSession(1);
    expect(simulator.chargingProfiles.limitW(1)).toBe(11_000);
  });
});

describe('smart charging of an OCPP 1.6 charger', () => {
  it('records Rejected from a charger that refuses profiles', async () => {
    const { send } = await v16.start({ rejectsProfiles: true });
    expect(await send('SetChargingProfile', { connectorId: 0, csChargingProfiles: txDefault(5_000) })).toMatchObject({ status: 'rejected', error: 'Rejected' });
  });

  it('records NotSupported and NotImplemented from a charger without Smart Charging', async () => {
    const { send } = await v16.start({ isSupported: false });
    expect(await send('SetChargingProfile', { connectorId: 0, csChargingProfiles: txDefault(5_000) })).toMatchObject({ status: 'rejected', error: 'NotSupported' });
    expect(await send('GetCompositeSchedule', { connectorId: 1, duration: 60 })).toMatchObject({ status: 'failed', error: expect.stringMatching(/^NotImplemented:/) });
    expect(await send('ClearChargingProfile', {})).toMatchObject({ status: 'failed' });
  });

  it('reads at provisioning how many profiles the charger keeps', async () => {
    const { charger } = await v16.start({ maxStackLevel: 5, maxProfilesInstalled: 4 });
    expect(await limitsOf(charger.id)).toMatchObject({ isSupported: true, maxStackLevel: 5, allowedRateUnits: 'Current,Power', maxProfilesInstalled: 4 });
  });

  // A weekly profile repeats every 604,800 s from the Monday it was sent in: once the owner's zone changes its offset
  // (summer time), each window would open an hour off until the settings are sent again.
  it('sends the windows again once the owner’s zone has changed its offset since they were sent, and only then', async () => {
    const { sent } = await chargerWithSettings(v16.boot);
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

  it('records a charger that refuses the owner’s settings at boot', async () => {
    expect((await chargerWithSettings(v16.boot, { rejectsProfiles: true })).sent).toMatchObject({ sendOutcome: 'rejected', reportedSchedule: { chargingSchedulePeriod: [{ limit: 11_000 }] } });
  });
});
