// How the platform brings one charger's Local Authorization List (OCPP 1.6 §3.5.3, §5.15) to the account's list,
// within the limits the charger reports. No I/O here.
import type { HeldIdTagInfo } from '../../db/schema/local-lists';

export type LocalListEntries = Record<string, HeldIdTagInfo>;
export type LocalListUpdate = { idTag: string; idTagInfo?: HeldIdTagInfo };
export type LocalListBatch = { updateType: 'Full' | 'Differential'; localAuthorizationList: LocalListUpdate[] };
export type LocalListLimits = { maxLength: number | null; sendMaxLength: number | null };

export type LocalListPlan =
  | { kind: 'unchanged' }
  | { kind: 'tooLarge'; needed: number; maxLength: number }
  | { kind: 'send'; batches: LocalListBatch[] };

const sameInfo = (a: HeldIdTagInfo, b: HeldIdTagInfo) =>
  a.status === b.status && a.expiryDate === b.expiryDate && a.parentIdTag === b.parentIdTag;

// A differential update removes an entry by naming it without idTagInfo (§5.15). Removals go first, so that a card
// re-added under the same idTag in another case is not removed again by the charger's case-insensitive match.
export function differentialUpdates(held: LocalListEntries, wanted: LocalListEntries): LocalListUpdate[] {
  const removals = Object.keys(held)
    .filter((idTag) => !(idTag in wanted))
    .map((idTag) => ({ idTag }));
  const changes = Object.entries(wanted)
    .filter(([idTag, info]) => !held[idTag] || !sameInfo(held[idTag], info))
    .map(([idTag, idTagInfo]) => ({ idTag, idTagInfo }));
  return [...removals, ...changes];
}

function chunks<T>(items: T[], size: number | null): T[][] {
  if (items.length === 0) return [[]];
  const step = size !== null && size > 0 ? size : items.length;
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += step) result.push(items.slice(start, start + step));
  return result;
}

// `held` null: the charger's list is unknown (a new charger, another version than the platform last sent, or a
// differential refused with VersionMismatch), so a Full replaces it. A list longer than SendLocalListMaxLength goes
// as a Full of the first part followed by differentials adding the rest.
export function planLocalList({ held, wanted, limits }: { held: LocalListEntries | null; wanted: LocalListEntries; limits: LocalListLimits }): LocalListPlan {
  const needed = Object.keys(wanted).length;
  if (limits.maxLength !== null && needed > limits.maxLength) return { kind: 'tooLarge', needed, maxLength: limits.maxLength };
  if (held) {
    const updates = differentialUpdates(held, wanted);
    if (updates.length === 0) return { kind: 'unchanged' };
    return { kind: 'send', batches: chunks(updates, limits.sendMaxLength).map((localAuthorizationList) => ({ updateType: 'Differential', localAuthorizationList })) };
  }
  const all = Object.entries(wanted).map(([idTag, idTagInfo]) => ({ idTag, idTagInfo }));
  return {
    kind: 'send',
    batches: chunks(all, limits.sendMaxLength).map((localAuthorizationList, index) => ({ updateType: index === 0 ? 'Full' : 'Differential', localAuthorizationList })),
  };
}

// What the charger holds once it has Accepted a batch.
export function applyBatch(held: LocalListEntries | null, batch: LocalListBatch): LocalListEntries {
  const next: LocalListEntries = batch.updateType === 'Full' ? {} : { ...(held ?? {}) };
  for (const { idTag, idTagInfo } of batch.localAuthorizationList) {
    if (idTagInfo) next[idTag] = idTagInfo;
    else delete next[idTag];
  }
  return next;
}
