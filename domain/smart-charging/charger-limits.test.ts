import { describe, expect, it } from 'vitest';
import { readSmartChargingLimits, readSmartChargingLimits201 } from './charger-limits';

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

describe('readSmartChargingLimits201', () => {
  const accepted = (variable: string, value: string) => ({ variable, status: 'Accepted', value });

  it('reads SmartChargingCtrlr in the words the profiles are built from', () => {
    const limits = readSmartChargingLimits201([accepted('Enabled', 'true'), accepted('ProfileStackLevel', '2'), accepted('RateUnit', 'W')]);
    expect(limits).toEqual({ isSupported: true, maxStackLevel: 2, allowedRateUnits: 'Power', maxProfilesInstalled: null });
    expect(readSmartChargingLimits201([accepted('RateUnit', 'A, W')]).allowedRateUnits).toBe('Current,Power');
  });

  it('reads a charger with Smart Charging disabled, or without the component, as having none', () => {
    expect(readSmartChargingLimits201([accepted('Enabled', 'false'), accepted('ProfileStackLevel', '8')]).isSupported).toBe(false);
    expect(readSmartChargingLimits201(['Enabled', 'ProfileStackLevel', 'RateUnit'].map((variable) => ({ variable, status: 'UnknownComponent' })))).toMatchObject({ isSupported: false, maxStackLevel: null });
  });

  it('keeps what it cannot read as unknown', () => {
    const limits = readSmartChargingLimits201([accepted('Enabled', 'true'), { variable: 'ProfileStackLevel', status: 'UnknownVariable' }, accepted('RateUnit', 'kW')]);
    expect(limits).toEqual({ isSupported: true, maxStackLevel: null, allowedRateUnits: null, maxProfilesInstalled: null });
  });
});
