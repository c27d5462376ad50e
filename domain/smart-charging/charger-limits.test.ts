import { describe, expect, it } from 'vitest';
import { readSmartChargingLimits } from './charger-limits';

describe('readSmartChargingLimits', () => {
  it('reads the keys a Smart Charging charger reports', () => {
    const limits = readSmartChargingLimits('Core,SmartCharging', [
      { key: 'ChargeProfileMaxStackLevel', value: '8' },
      { key: 'ChargingScheduleAllowedChargingRateUnit', value: 'Current' },
      { key: 'MaxChargingProfilesInstalled', value: ' 10 ' },
    ]);
    expect(limits).toEqual({ isSupported: true, maxStackLevel: 8, allowedRateUnits: 'Current', maxProfilesInstalled: 10 });
  });

  // The columns are PostgreSQL integers: a count past them would fail the whole provisioning run, and with it the
  // owner's power settings sent after it.
  it('reads a count too large to be one as unknown', () => {
    const limits = readSmartChargingLimits('SmartCharging', [
      { key: 'ChargeProfileMaxStackLevel', value: '99999999999' },
      { key: 'MaxChargingProfilesInstalled', value: '2147483648' },
    ]);
    expect(limits).toMatchObject({ maxStackLevel: null, maxProfilesInstalled: null });
  });
});
