import { RPCError } from '../ocpp/rpc';
import { callV16 } from '../ocpp/v16';
import { applyBatch, planLocalList, type LocalListBatch, type LocalListEntries, type LocalListLimits } from '../../../domain/cards/local-list-plan';
import type { ChargerLocalList } from '../../../db/schema';
import type { LocalListRecord } from '../../../domain/data/charger-traffic/local-lists';

type Caller = Parameters<typeof callV16>[0];
export type LocalListSyncReason = 'boot' | 'reconnect' | 'change' | 'sweep';

export type LocalListSyncInput = {
  state: ChargerLocalList | null;
  wanted: LocalListEntries;
  // The account's list version the `wanted` entries were read at: the charger is in sync up to it once they are sent.
  basisVersion: number;
  reason: LocalListSyncReason;
  allocateVersions: (count: number) => Promise<number>;
  callTimeoutMs: number;
};

const ENABLED_KEY = 'LocalAuthListEnabled';
const MAX_LENGTH_KEY = 'LocalAuthListMaxLength';
const SEND_MAX_LENGTH_KEY = 'SendLocalListMaxLength';
const PROFILES_KEY = 'SupportedFeatureProfiles';
const LOCAL_LIST_PROFILE = 'LocalAuthListManagement';

// A NotImplemented or NotSupported CALLERROR says the charger does not implement the call; any other error, or none, is
// no answer (asked again at the next sync).
function unsupportedBy(error: unknown) {
  return error instanceof RPCError && (error.rpcErrorCode === 'NotSupported' || error.rpcErrorCode === 'NotImplemented') ? error.rpcErrorCode : null;
}

const positive = (value: string | undefined) => {
  const number = value === undefined ? Number.NaN : Number(value);
  return Number.isInteger(number) && number > 0 ? number : null;
};

// The 1.6 §9.4 keys of the Local Auth List Management profile. A charger that names its profiles without this one,
// or has the list turned off, is noted as not supporting it.
async function readSupport(client: Caller, callTimeoutMs: number): Promise<{ note: string | null; limits: LocalListLimits } | null> {
  try {
    const answer = await callV16(client, 'GetConfiguration', { key: [ENABLED_KEY, MAX_LENGTH_KEY, SEND_MAX_LENGTH_KEY, PROFILES_KEY] }, { callTimeoutMs });
    const value = (key: string) => answer.configurationKey?.find((entry) => entry.key === key)?.value;
    const profiles = value(PROFILES_KEY);
    const isInProfiles = profiles === undefined || profiles.split(',').some((profile) => profile.trim() === LOCAL_LIST_PROFILE);
    const note = !isInProfiles ? 'notInProfiles' : value(ENABLED_KEY)?.trim().toLowerCase() === 'false' ? 'disabled' : null;
    return { note, limits: { maxLength: positive(value(MAX_LENGTH_KEY)), sendMaxLength: positive(value(SEND_MAX_LENGTH_KEY)) } };
  } catch {
    return null;
  }
}

type Known = { limits: LocalListLimits; held: LocalListEntries | null; acceptedVersion: number | null };

const notSupported = (supportNote: string): LocalListRecord => ({ support: 'notSupported', supportNote, lastResult: 'NotSupported', lastSyncAt: new Date() });

// At a boot or reconnect the charger is asked which version it holds (1.6 §5.10; -1: it has no list); another one
// than the platform last saw Accepted means its list is unknown, and a Full follows.
async function askVersion(client: Caller, input: LocalListSyncInput): Promise<{ record: LocalListRecord } | Known> {
  const limits = { maxLength: input.state?.maxLength ?? null, sendMaxLength: input.state?.sendMaxLength ?? null };
  const support = await readSupport(client, input.callTimeoutMs);
  if (support?.note) return { record: { ...notSupported(support.note), ...support.limits } };
  try {
    const { listVersion } = await callV16(client, 'GetLocalListVersion', {}, { callTimeoutMs: input.callTimeoutMs });
    if (listVersion < 0) return { record: notSupported('noList') };
    const isKnown = listVersion === input.state?.acceptedVersion;
    return { limits: support?.limits ?? limits, held: isKnown ? (input.state?.heldEntries ?? null) : null, acceptedVersion: isKnown ? listVersion : null };
  } catch (error) {
    const note = unsupportedBy(error);
    return { record: note ? notSupported(note) : { lastResult: 'noAnswer', lastSyncAt: new Date() } };
  }
}

export async function syncChargerList(client: Caller, input: LocalListSyncInput): Promise<LocalListRecord> {
  const { state } = input;
  const isAsking = input.reason === 'boot' || input.reason === 'reconnect' || !state || state.support === 'unknown';
  if (!isAsking) {
    const limits = { maxLength: state.maxLength, sendMaxLength: state.sendMaxLength };
    return sendList(client, input, { limits, held: state.heldEntries, acceptedVersion: state.acceptedVersion });
  }
  const asked = await askVersion(client, input);
  if ('record' in asked) return asked.record;
  return sendList(client, input, asked);
}

// Sends the plan one SendLocalList at a time. A differential refused with VersionMismatch is followed by a Full.
async function sendList(client: Caller, input: LocalListSyncInput, known: Known, isRetry = false): Promise<LocalListRecord> {
  const plan = planLocalList({ held: known.held, wanted: input.wanted, limits: known.limits });
  const base: LocalListRecord = { support: 'supported', supportNote: null, ...known.limits, lastEntryCount: Object.keys(input.wanted).length };
  if (plan.kind === 'unchanged') return { ...base, acceptedVersion: known.acceptedVersion, heldEntries: known.held, syncedVersion: input.basisVersion };
  if (plan.kind === 'tooLarge') return { ...base, lastResult: 'tooLarge', lastSyncAt: new Date() };
  const last = await input.allocateVersions(plan.batches.length);
  let { held, acceptedVersion } = known;
  for (const [index, batch] of plan.batches.entries()) {
    const listVersion = last - plan.batches.length + 1 + index;
    const status = await send(client, batch, listVersion, input.callTimeoutMs);
    const sent = { ...base, lastUpdateType: batch.updateType, lastSyncAt: new Date() };
    if (status === 'Accepted') {
      held = applyBatch(held, batch);
      acceptedVersion = listVersion;
      continue;
    }
    if (status === 'VersionMismatch' && batch.updateType === 'Differential' && !isRetry) return sendList(client, input, { ...known, held: null, acceptedVersion: null }, true);
    if (status === 'NotSupported' || status === 'NotImplemented') return { ...notSupported(status), ...known.limits };
    // No answer: the charger may or may not have taken the batch, so its list is unknown until it is asked again.
    if (status === 'noAnswer') return { ...sent, lastResult: status, acceptedVersion: null, heldEntries: null };
    return { ...sent, lastResult: status, acceptedVersion, heldEntries: held };
  }
  return { ...base, lastResult: 'Accepted', lastUpdateType: plan.batches[0]!.updateType, lastSyncAt: new Date(), acceptedVersion, heldEntries: held, syncedVersion: input.basisVersion };
}

async function send(client: Caller, batch: LocalListBatch, listVersion: number, callTimeoutMs: number) {
  try {
    return (await callV16(client, 'SendLocalList', { listVersion, ...batch }, { callTimeoutMs })).status;
  } catch (error) {
    return unsupportedBy(error) ?? 'noAnswer';
  }
}
