// The AuthorizationKey is the charger's password: neither the message log nor a command's stored answer keeps it,
// whether the platform sends it or a charger reports it in its configuration (which the whitepaper forbids, and
// some do anyway).
const KEY = 'AuthorizationKey';
export const HIDDEN_VALUE = '(hidden)';

type Entry = { key?: unknown; value?: unknown };

function hideEntry(entry: unknown) {
  const { key, value } = (entry ?? {}) as Entry;
  return key === KEY && value !== undefined ? { ...(entry as Entry), value: HIDDEN_VALUE } : entry;
}

export function withoutPassword(action: string | null, payload: unknown): unknown {
  if (typeof payload !== 'object' || payload === null) return payload;
  if (action === 'ChangeConfiguration') return hideEntry(payload);
  const keys = (payload as { configurationKey?: unknown }).configurationKey;
  if (action === 'GetConfiguration' && Array.isArray(keys)) return { ...payload, configurationKey: keys.map(hideEntry) };
  return payload;
}
