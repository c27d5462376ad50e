import { RPCError } from '../ocpp/rpc';
import { callV16 } from '../ocpp/v16';
import {
  keyState,
  maxListLength,
  measurandAttempts,
  SAMPLE_INTERVAL_KEY,
  SAMPLED_DATA_KEY,
  SAMPLED_DATA_MAX_LENGTH_KEY,
  wantedInterval,
  wantedMeasurands,
  type ConfigurationEntry,
  type MeterSettings,
  type ProvisioningOutcome,
} from '../../../domain/chargers/provisioning';
import type { ProvisionedKeyResult } from '../../../domain/data/charger-traffic/provisioning';
import { readSmartChargingLimits, SMART_CHARGING_KEYS } from '../../../domain/smart-charging/charger-limits';
import { SECURITY_PROFILE_KEY } from '../../../domain/data/charger-traffic/security-extension';
import { textSafe } from '../../../domain/data/charger-traffic/recordset';

type Caller = Parameters<typeof callV16>[0];

// OCPP 1.6 §9.1.30: which profiles the charger implements (whether it takes reservations, charging profiles).
const FEATURE_PROFILES_KEY = 'SupportedFeatureProfiles';
type Configuration = { entries: ConfigurationEntry[]; unknownKeys: string[] } | null;

// A charger that answers with a CALLERROR (NotImplemented, NotSupported…) does not support the call; one that
// does not answer, or has gone, is `noAnswer`, tried again at its next boot or connection.
function outcomeOfError(error: unknown): ProvisioningOutcome {
  return error instanceof RPCError && error.rpcErrorCode !== 'InternalError' ? 'NotSupported' : 'noAnswer';
}

async function readConfiguration(client: Caller, callTimeoutMs: number): Promise<Configuration> {
  try {
    const keys = [SAMPLE_INTERVAL_KEY, SAMPLED_DATA_KEY, SAMPLED_DATA_MAX_LENGTH_KEY, FEATURE_PROFILES_KEY, SECURITY_PROFILE_KEY, ...SMART_CHARGING_KEYS];
    const answer = await callV16(client, 'GetConfiguration', { key: keys }, { callTimeoutMs });
    const entries = (answer.configurationKey ?? []).map((entry) => ({ ...entry, key: textSafe(entry.key), ...(entry.value !== undefined && { value: textSafe(entry.value) }) }));
    return { entries, unknownKeys: (answer.unknownKey ?? []).map(textSafe) };
  } catch {
    return null;
  }
}

async function change(client: Caller, key: string, value: string, callTimeoutMs: number): Promise<ProvisioningOutcome> {
  try {
    return (await callV16(client, 'ChangeConfiguration', { key, value }, { callTimeoutMs })).status;
  } catch (error) {
    return outcomeOfError(error);
  }
}

async function provisionInterval(client: Caller, configuration: Configuration, settings: MeterSettings, callTimeoutMs: number): Promise<ProvisionedKeyResult> {
  const wanted = String(wantedInterval(settings));
  const state = keyState(SAMPLE_INTERVAL_KEY, wanted, configuration);
  const outcome = state.outcome ?? (await change(client, SAMPLE_INTERVAL_KEY, wanted, callTimeoutMs));
  return { key: SAMPLE_INTERVAL_KEY, wanted, reported: state.reported, outcome };
}

// Shorter lists are tried only after a Rejected: NotSupported or no answer will not change with the list.
async function provisionMeasurands(client: Caller, configuration: Configuration, settings: MeterSettings, callTimeoutMs: number): Promise<ProvisionedKeyResult> {
  const attempts = measurandAttempts(wantedMeasurands(settings), maxListLength(configuration));
  let result: ProvisionedKeyResult | null = null;
  for (const list of attempts) {
    const wanted = list.join(',');
    const state = keyState(SAMPLED_DATA_KEY, wanted, configuration);
    const outcome = state.outcome ?? (await change(client, SAMPLED_DATA_KEY, wanted, callTimeoutMs));
    result = { key: SAMPLED_DATA_KEY, wanted, reported: state.reported, outcome };
    if (outcome !== 'Rejected') break;
  }
  // Every attempt refused: the record names the full list the platform wanted.
  if (result?.outcome === 'Rejected') result = { ...result, wanted: attempts[0]!.join(',') };
  return result!;
}

// Reads the two keys (and the list's maximum length, the feature profiles the charger implements and its Smart
// Charging limits), then sets what differs from the platform's (or the owner's) choice. Sequential, one call at a
// time, as OCPP-J 1.6 §4.1.1 asks of both sides.
export async function provisionCharger(client: Caller, settings: MeterSettings, { callTimeoutMs }: { callTimeoutMs: number }) {
  const configuration = await readConfiguration(client, callTimeoutMs);
  const interval = await provisionInterval(client, configuration, settings, callTimeoutMs);
  const measurands = await provisionMeasurands(client, configuration, settings, callTimeoutMs);
  const featureProfiles = configuration?.entries.find((entry) => entry.key === FEATURE_PROFILES_KEY)?.value ?? null;
  const smartCharging = featureProfiles === null ? null : readSmartChargingLimits(featureProfiles, configuration?.entries ?? []);
  const configurationKeys = configuration ? configuration.entries.map((entry) => entry.key) : null;
  return { results: [interval, measurands], featureProfiles, smartCharging, configurationKeys };
}
