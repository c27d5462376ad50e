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
