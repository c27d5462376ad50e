// OCPP 1.6 §7.7–7.13 charging profiles, as the platform builds them and the simulator stores them.

export type ChargingProfilePurpose = 'ChargePointMaxProfile' | 'TxDefaultProfile' | 'TxProfile';
export type ChargingRateUnit = 'A' | 'W';

export type ChargingSchedulePeriod = { startPeriod: number; limit: number; numberPhases?: number };

export type ChargingSchedule = {
  duration?: number;
  startSchedule?: string;
  chargingRateUnit: ChargingRateUnit;
  chargingSchedulePeriod: ChargingSchedulePeriod[];
  minChargingRate?: number;
};

export type ChargingProfile = {
  chargingProfileId: number;
  transactionId?: number;
  stackLevel: number;
  chargingProfilePurpose: ChargingProfilePurpose;
  chargingProfileKind: 'Absolute' | 'Recurring' | 'Relative';
  recurrencyKind?: 'Daily' | 'Weekly';
  validFrom?: string;
  validTo?: string;
  chargingSchedule: ChargingSchedule;
};

// A profile as installed on a charger: the connector it was set for (0: the charger as a whole).
export type InstalledProfile = { connectorId: number; profile: ChargingProfile };

// How amperes become watts on this charger: its supply voltage and the phases it is wired to, as the owner set them.
// A period without numberPhases means three (OCPP 1.6 §7.13), yet a charger wired to one phase draws on one.
export type Electrical = { voltage: number; phases: number };
export const DEFAULT_PHASES = 3;
export const DEFAULT_VOLTAGE = 230;
export const DEFAULT_ELECTRICAL: Electrical = { voltage: DEFAULT_VOLTAGE, phases: DEFAULT_PHASES };

export function toWatts(limit: number, unit: ChargingRateUnit, { voltage, phases: wired }: Electrical, phases = DEFAULT_PHASES) {
  return unit === 'W' ? limit : limit * voltage * Math.min(phases, wired);
}

export function fromWatts(watts: number, unit: ChargingRateUnit, { voltage, phases }: Electrical) {
  return unit === 'W' ? watts : watts / (voltage * phases);
}
