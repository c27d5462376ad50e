// What a charger reports of Smart Charging in its configuration (OCPP 1.6 §9.1.30, §9.4).
export const SMART_CHARGING_PROFILE = 'SmartCharging';
export const SMART_CHARGING_KEYS = ['ChargeProfileMaxStackLevel', 'ChargingScheduleAllowedChargingRateUnit', 'MaxChargingProfilesInstalled'] as const;

export type SmartChargingLimits = {
  isSupported: boolean;
  maxStackLevel: number | null;
  allowedRateUnits: string | null;
  maxProfilesInstalled: number | null;
};

// The columns are PostgreSQL integers; a larger count is no limit this platform can keep.
const INT4_MAX = 2 ** 31 - 1;
const integerOrNull = (value: string | undefined) => (value !== undefined && /^\d+$/.test(value.trim()) && Number(value) <= INT4_MAX ? Number(value) : null);

export function readSmartChargingLimits(featureProfiles: string, entries: { key: string; value?: string }[]): SmartChargingLimits {
  const value = (key: string) => entries.find((entry) => entry.key === key)?.value;
  return {
    isSupported: featureProfiles.split(',').some((profile) => profile.trim() === SMART_CHARGING_PROFILE),
    maxStackLevel: integerOrNull(value('ChargeProfileMaxStackLevel')),
    allowedRateUnits: value('ChargingScheduleAllowedChargingRateUnit')?.trim() || null,
    maxProfilesInstalled: integerOrNull(value('MaxChargingProfilesInstalled')),
  };
}

// The same facts of a 2.0.1 charger, in its device model (2.0.1 Part 2 Appendix, SmartChargingCtrlr): Enabled,
// ProfileStackLevel, and RateUnit, the units it takes ("A", "W" or "A,W"), kept in 1.6's words ("Current", "Power")
// that the profiles are built from. A charger without the component, or with Enabled false, has no Smart Charging.
export const SMART_CHARGING_CTRLR = 'SmartChargingCtrlr';
export const SMART_CHARGING_VARIABLES = ['Enabled', 'ProfileStackLevel', 'RateUnit'] as const;
const UNIT_WORDS: Record<string, string> = { A: 'Current', W: 'Power' };

export function readSmartChargingLimits201(results: { variable: string; status: string; value?: string }[]): SmartChargingLimits {
  const value = (variable: string) => results.find((result) => result.variable === variable && result.status === 'Accepted')?.value;
  const hasComponent = results.some((result) => result.status !== 'UnknownComponent');
  const units = (value('RateUnit') ?? '')
    .split(',')
    .map((unit) => UNIT_WORDS[unit.trim()])
    .filter((unit) => unit !== undefined);
  return {
    isSupported: hasComponent && value('Enabled')?.trim().toLowerCase() !== 'false',
    maxStackLevel: integerOrNull(value('ProfileStackLevel')),
    allowedRateUnits: units.length > 0 ? [...new Set(units)].join(',') : null,
    maxProfilesInstalled: null,
  };
}
