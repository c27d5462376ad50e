// The charger's password, 1.6's AuthorizationKey and 2.0.1's SecurityCtrlr.BasicAuthPassword: neither the message
// log nor a command's stored answer keeps it, whether the platform sends it or a charger reports it (in its
// configuration, a variable's value or a report: the specifications forbid it, and some do anyway).
const KEY = 'AuthorizationKey';
const VARIABLE = 'BasicAuthPassword';
export const HIDDEN_VALUE = '(hidden)';

type Entry = { key?: unknown; value?: unknown };
type Variable = { variable?: { name?: unknown }; attributeValue?: unknown; variableAttribute?: unknown };

function hideEntry(entry: unknown) {
  const { key, value } = (entry ?? {}) as Entry;
  return key === KEY && value !== undefined ? { ...(entry as Entry), value: HIDDEN_VALUE } : entry;
}

const isPasswordVariable = (entry: unknown) => (entry as Variable | null)?.variable?.name === VARIABLE;

// SetVariables' setVariableData and GetVariables' getVariableResult carry attributeValue; NotifyReport's reportData
// carries its values in variableAttribute.
function hideVariable(entry: unknown) {
  if (!isPasswordVariable(entry)) return entry;
  const { attributeValue, variableAttribute } = entry as Variable;
  const hidden: Variable = { ...(entry as Variable) };
  if (attributeValue !== undefined) hidden.attributeValue = HIDDEN_VALUE;
  if (Array.isArray(variableAttribute)) hidden.variableAttribute = variableAttribute.map((attribute: Entry) => (attribute?.value !== undefined ? { ...attribute, value: HIDDEN_VALUE } : attribute));
  return hidden;
}

const LISTS: Record<string, string> = { SetVariables: 'setVariableData', GetVariables: 'getVariableResult', NotifyReport: 'reportData' };

export function withoutPassword(action: string | null, payload: unknown): unknown {
  if (typeof payload !== 'object' || payload === null) return payload;
  if (action === 'ChangeConfiguration') return hideEntry(payload);
  const keys = (payload as { configurationKey?: unknown }).configurationKey;
  if (action === 'GetConfiguration' && Array.isArray(keys)) return { ...payload, configurationKey: keys.map(hideEntry) };
  const list = action ? LISTS[action] : undefined;
  const entries = list ? (payload as Record<string, unknown>)[list] : undefined;
  if (list && Array.isArray(entries)) return { ...payload, [list]: entries.map(hideVariable) };
  return payload;
}
