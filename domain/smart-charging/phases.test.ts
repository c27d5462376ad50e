import { describe, expect, it } from 'vitest';
import { applyPowerSettings, type SendProfileCall } from './apply-power-settings';
import { compositeLimitAt, type CompositeContext } from './composite';
import type { ChargingProfile } from './profile';

const limits = { isSupported: true, maxStackLevel: 8, allowedRateUnits: 'Current', maxProfilesInstalled: 10 };
const onePhase = { voltage: 230, phases: 1 };

function recording() {
  const sent: ChargingProfile[] = [];
  const send: SendProfileCall = async (action, payload) => {
    if (action === 'SetChargingProfile') sent.push((payload as { csChargingProfiles: ChargingProfile }).csChargingProfiles);
    return { status: 'accepted', response: { status: 'Accepted' }, error: null };
  };
  return { sent, send };
}

describe('a single-phase charger', () => {
  // Power ↔ current assumed 3 × 230 V: a 7 kW maximum reached a single-phase charger as 10.1 A, 2.3 kW.
  it('is sent its maximum as the current that gives that power on its one phase', async () => {
    const { sent, send } = recording();
    await applyPowerSettings(send, { settings: { maxPowerW: 7_000, windows: [], timeZone: 'UTC', electrical: onePhase }, limits, now: new Date() });
    expect(sent[0]!.chargingSchedule.chargingSchedulePeriod).toEqual([{ startPeriod: 0, limit: 30.4, numberPhases: 1 }]);
  });

  it('draws a current limit on its one phase only, whatever phases the profile names', () => {
    const profile: ChargingProfile = {
      chargingProfileId: 1,
      stackLevel: 0,
      chargingProfilePurpose: 'TxDefaultProfile',
      chargingProfileKind: 'Absolute',
      chargingSchedule: { startSchedule: new Date(0).toISOString(), chargingRateUnit: 'A', chargingSchedulePeriod: [{ startPeriod: 0, limit: 16 }] },
    };
    const context: CompositeContext = { connectorId: 1, transactionId: null, sessionStartedAt: null, electrical: onePhase, hardwareMaxW: 7_400 };
    expect(compositeLimitAt([{ connectorId: 0, profile }], Date.now(), context)).toBe(16 * 230);
  });

  it('at 120 V, is sent the current for its voltage', async () => {
    const { sent, send } = recording();
    await applyPowerSettings(send, { settings: { maxPowerW: 1_920, windows: [], timeZone: 'UTC', electrical: { voltage: 120, phases: 1 } }, limits, now: new Date() });
    expect(sent[0]!.chargingSchedule.chargingSchedulePeriod[0]!.limit).toBe(16);
  });
});
