import type { IdTagInfo, SendLocalListRequest as SendLocalList16 } from '../../src/ocpp/v16';
import type { AuthorizationData, GetVariableResultType, V201Requests, V201Responses, V201ServerAction } from '../../src/ocpp/v201';
import { LocalAuthList, type LocalListOptions } from '../local-auth-list';

type Station = {
  answer<A extends V201ServerAction>(action: A, handler: (params: V201Requests[A]) => Promise<V201Responses[A]>): void;
};

const STATUSES_16: readonly string[] = ['Accepted', 'Blocked', 'Expired', 'Invalid', 'ConcurrentTx'];

// An entry as the simulator's list keeps it (local-auth-list.ts, in 1.6's words): a 2.0.1 status 1.6 lacks (NoCredit,
// NotAtThisLocation…) refuses the card as Invalid does.
function asHeld({ idToken, idTokenInfo }: AuthorizationData): NonNullable<SendLocalList16['localAuthorizationList']>[number] {
  if (!idTokenInfo) return { idTag: idToken.idToken };
  const status = (STATUSES_16.includes(idTokenInfo.status) ? idTokenInfo.status : 'Invalid') as IdTagInfo['status'];
  const idTagInfo = { status, ...(idTokenInfo.cacheExpiryDateTime && { expiryDate: idTokenInfo.cacheExpiryDateTime }), ...(idTokenInfo.groupIdToken && { parentIdTag: idTokenInfo.groupIdToken.idToken }) };
  return { idTag: idToken.idToken, idTagInfo };
}

// The LocalAuthListCtrlr variables the platform reads before it sends a list (D01), live from the list; null for any
// other component, which the station's device model answers (a station built without the list knows no such component).
export function localListVariable(list: LocalAuthList, { component, variable }: V201Requests['GetVariables']['getVariableData'][number]): GetVariableResultType | null {
  const values: Record<string, string> = { Available: 'true', Enabled: 'true', ItemsPerMessage: String(list.sendMaxLength), Entries: String(list.entries.size) };
  if (component.name !== 'LocalAuthListCtrlr' || !list.isSupported) return null;
  const value = values[variable.name];
  return value === undefined ? { attributeStatus: 'UnknownVariable', component, variable } : { attributeStatus: 'Accepted', attributeValue: value, component, variable };
}

// The Local Authorization List of a 2.0.1 station (D01, D02), kept as the 1.6 simulator keeps its own: taken whole
// or not at all, a Differential only above the version held, and read alone to authorize a card while offline.
export function answerLocalList(station: Station, options: LocalListOptions = {}) {
  const list = new LocalAuthList(options);
  station.answer('GetLocalListVersion', async () => ({ versionNumber: list.reportVersion() }));
  station.answer('SendLocalList', async ({ versionNumber, updateType, localAuthorizationList = [] }) => {
    await list.updatesFlow();
    const status = list.apply({ listVersion: versionNumber, updateType, localAuthorizationList: localAuthorizationList.map(asHeld) });
    return { status: status === 'NotSupported' ? 'Failed' : status };
  });
  return list;
}
