// Boot provisioning (OCPP 1.6 §9.1 standard configuration keys): what the platform asks of every charger so that
// sessions show live power and energy, and how it reads the charger's answers. No I/O here.

export const SAMPLE_INTERVAL_KEY = 'MeterValueSampleInterval';
export const SAMPLED_DATA_KEY = 'MeterValuesSampledData';
export const SAMPLED_DATA_MAX_LENGTH_KEY = 'MeterValuesSampledDataMaxLength';
export const PROVISIONED_KEYS = [SAMPLE_INTERVAL_KEY, SAMPLED_DATA_KEY] as const;
export type ProvisionedKey = (typeof PROVISIONED_KEYS)[number];

// Live power on the Charge page refreshes this often; a reading every 30 s is 2,880 rows a day of charging per
// measurand, well within what meter_values holds.
export const DEFAULT_SAMPLE_INTERVAL_SEC = 30;
export const MIN_SAMPLE_INTERVAL_SEC = 1;
export const MAX_SAMPLE_INTERVAL_SEC = 3600;

// In order of need: the energy register (session totals), power (live), current, and the car's battery level,
// which only DC chargers offer. The energy register is always asked for.
export const PLATFORM_MEASURANDS = ['Energy.Active.Import.Register', 'Power.Active.Import', 'Current.Import', 'SoC'] as const;
export type PlatformMeasurand = (typeof PLATFORM_MEASURANDS)[number];
export const REQUIRED_MEASURAND: PlatformMeasurand = 'Energy.Active.Import.Register';

// A ChangeConfiguration status (§7.9), or the platform's word: the value was already set (`unchanged`), the
// charger does not know the key (`unknownKey`) or will not let it change (`readonly`), or did not answer.
export const PROVISIONING_OUTCOMES = ['Accepted', 'RebootRequired', 'Rejected', 'NotSupported', 'unchanged', 'unknownKey', 'readonly', 'noAnswer'] as const;
export type ProvisioningOutcome = (typeof PROVISIONING_OUTCOMES)[number];

export type MeterSettings = { sampleIntervalSec: number | null; measurands: readonly string[] | null };

export function wantedInterval(settings: MeterSettings) {
  return settings.sampleIntervalSec ?? DEFAULT_SAMPLE_INTERVAL_SEC;
}

// The owner's choice in the platform's order, the energy register always first; unknown names are dropped.
export function wantedMeasurands(settings: MeterSettings): PlatformMeasurand[] {
  const chosen = new Set(settings.measurands ?? PLATFORM_MEASURANDS);
  return PLATFORM_MEASURANDS.filter((measurand) => measurand === REQUIRED_MEASURAND || chosen.has(measurand));
}

// What the charger may be asked in turn until it accepts one: the wanted list (cut to its maximum length), then
// each shorter list dropping the least needed measurand, down to the energy register alone. A charger refuses
// the whole CSL for one measurand it does not offer (often SoC on an AC charger).
export function measurandAttempts(wanted: readonly PlatformMeasurand[], maxLength: number | null): PlatformMeasurand[][] {
  const limit = maxLength !== null && maxLength > 0 ? maxLength : wanted.length;
  const first = wanted.slice(0, limit);
  return first.map((_, index) => first.slice(0, first.length - index));
}

export type ConfigurationEntry = { key: string; value?: string; readonly: boolean };

export type KeyState = { reported: string | null; outcome: 'unknownKey' | 'readonly' | 'unchanged' | null };

const asSet = (csl: string) => new Set(csl.split(',').map((part) => part.trim()).filter(Boolean));
const sameList = (a: string, b: string) => {
  const left = asSet(a);
  const right = asSet(b);
  return left.size === right.size && [...left].every((item) => right.has(item));
};

// What GetConfiguration said of one key, against the value wanted (null `configuration`: it did not answer, so
// the key is set blind). A CSL is compared as a set, an interval as a number.
export function keyState(key: ProvisionedKey, wanted: string, configuration: { entries: ConfigurationEntry[]; unknownKeys: string[] } | null): KeyState {
  if (!configuration) return { reported: null, outcome: null };
  if (configuration.unknownKeys.includes(key)) return { reported: null, outcome: 'unknownKey' };
  const entry = configuration.entries.find((candidate) => candidate.key === key);
  if (!entry) return { reported: null, outcome: null };
  const reported = entry.value ?? null;
  const isSame = reported !== null && (key === SAMPLE_INTERVAL_KEY ? Number(reported) === Number(wanted) : sameList(reported, wanted));
  if (isSame) return { reported, outcome: 'unchanged' };
  return { reported, outcome: entry.readonly ? 'readonly' : null };
}

export function maxListLength(configuration: { entries: ConfigurationEntry[] } | null): number | null {
  const raw = configuration?.entries.find((entry) => entry.key === SAMPLED_DATA_MAX_LENGTH_KEY)?.value;
  const value = raw === undefined ? Number.NaN : Number(raw);
  return Number.isInteger(value) && value > 0 ? value : null;
}

// Whether the charger now takes the value (at once or after a restart).
export function isTaken(outcome: ProvisioningOutcome) {
  return outcome === 'Accepted' || outcome === 'RebootRequired' || outcome === 'unchanged';
}
