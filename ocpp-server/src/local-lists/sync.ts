import { applyBatch, planLocalList, type LocalListEntries, type LocalListLimits } from '../../../domain/cards/local-list-plan';
import type { ChargerLocalList } from '../../../db/schema';
import type { LocalListRecord } from '../../../domain/data/charger-traffic/local-lists';
import { unsupportedBy, type LocalListProtocol } from './protocol';

export type LocalListSyncReason = 'boot' | 'reconnect' | 'change' | 'sweep';

export type LocalListSyncInput = {
  state: ChargerLocalList | null;
  wanted: LocalListEntries;
  // The account's list version the `wanted` entries were read at: the charger is in sync up to it once they are sent.
  basisVersion: number;
  reason: LocalListSyncReason;
  allocateVersions: (count: number) => Promise<number>;
};

type Known = { limits: LocalListLimits; held: LocalListEntries | null; acceptedVersion: number | null };

const notSupported = (supportNote: string): LocalListRecord => ({ support: 'notSupported', supportNote, lastResult: 'NotSupported', lastSyncAt: new Date() });

// At a boot or reconnect the charger is asked which version it holds (1.6 §5.10, 2.0.1 D02); another one than the
// platform last saw Accepted means its list is unknown, and a Full follows.
async function askVersion(list: LocalListProtocol, input: LocalListSyncInput): Promise<{ record: LocalListRecord } | Known> {
  const limits = { maxLength: input.state?.maxLength ?? null, sendMaxLength: input.state?.sendMaxLength ?? null };
  const support = await list.readSupport();
  if (support?.note) return { record: { ...notSupported(support.note), ...support.limits } };
  try {
    const listVersion = await list.readVersion();
    if (listVersion === null) return { record: notSupported('noList') };
    const isKnown = listVersion === input.state?.acceptedVersion;
    return { limits: support?.limits ?? limits, held: isKnown ? (input.state?.heldEntries ?? null) : null, acceptedVersion: isKnown ? listVersion : null };
  } catch (error) {
    const note = unsupportedBy(error);
    return { record: note ? notSupported(note) : { lastResult: 'noAnswer', lastSyncAt: new Date() } };
  }
}

export async function syncChargerList(list: LocalListProtocol, input: LocalListSyncInput): Promise<LocalListRecord> {
  const { state } = input;
  const isAsking = input.reason === 'boot' || input.reason === 'reconnect' || !state || state.support === 'unknown';
  if (!isAsking) {
    const limits = { maxLength: state.maxLength, sendMaxLength: state.sendMaxLength };
    return sendList(list, input, { limits, held: state.heldEntries, acceptedVersion: state.acceptedVersion });
  }
  const asked = await askVersion(list, input);
  if ('record' in asked) return asked.record;
  return sendList(list, input, asked);
}

// Sends the plan one SendLocalList at a time. A differential refused with VersionMismatch is followed by a Full.
async function sendList(list: LocalListProtocol, input: LocalListSyncInput, known: Known, isRetry = false): Promise<LocalListRecord> {
  const plan = planLocalList({ held: known.held, wanted: input.wanted, limits: known.limits });
  const base: LocalListRecord = { support: 'supported', supportNote: null, ...known.limits, lastEntryCount: Object.keys(input.wanted).length };
  if (plan.kind === 'unchanged') return { ...base, acceptedVersion: known.acceptedVersion, heldEntries: known.held, syncedVersion: input.basisVersion };
  if (plan.kind === 'tooLarge') return { ...base, lastResult: 'tooLarge', lastSyncAt: new Date() };
  const last = await input.allocateVersions(plan.batches.length);
  let { held, acceptedVersion } = known;
  for (const [index, batch] of plan.batches.entries()) {
    const listVersion = last - plan.batches.length + 1 + index;
    const status = await list.send(batch, listVersion);
    const sent = { ...base, lastUpdateType: batch.updateType, lastSyncAt: new Date() };
    if (status === 'Accepted') {
      held = applyBatch(held, batch);
      acceptedVersion = listVersion;
      continue;
    }
    if (status === 'VersionMismatch' && batch.updateType === 'Differential' && !isRetry) return sendList(list, input, { ...known, held: null, acceptedVersion: null }, true);
    if (status === 'NotSupported' || status === 'NotImplemented') return { ...notSupported(status), ...known.limits };
    // No answer: the charger may or may not have taken the batch, so its list is unknown until it is asked again.
    if (status === 'noAnswer') return { ...sent, lastResult: status, acceptedVersion: null, heldEntries: null };
    return { ...sent, lastResult: status, acceptedVersion, heldEntries: held };
  }
  return { ...base, lastResult: 'Accepted', lastUpdateType: plan.batches[0]!.updateType, lastSyncAt: new Date(), acceptedVersion, heldEntries: held, syncedVersion: input.basisVersion };
}
