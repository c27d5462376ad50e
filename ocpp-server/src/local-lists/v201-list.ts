import type { LocalListBatch } from '../../../domain/cards/local-list-plan';
import { callV201, type AuthorizationData } from '../ocpp/v201';
import { positive, sendOrNote, type LocalListProtocol } from './protocol';

type Caller = Parameters<typeof callV201>[0];

const CONTROLLER = 'LocalAuthListCtrlr';
const VARIABLES = ['Available', 'Enabled', 'ItemsPerMessage'] as const;

// A list entry in 2.0.1's words (D01): the card as an ISO 14443 token (the list holds the cards presented at the
// reader), its expiry as cacheExpiryDateTime, and its household (1.6's parentIdTag) as its group token.
export function toAuthorizationData({ idTag, idTagInfo }: LocalListBatch['localAuthorizationList'][number]): AuthorizationData {
  const idToken = { idToken: idTag, type: 'ISO14443' as const };
  if (!idTagInfo) return { idToken };
  const { status, expiryDate, parentIdTag } = idTagInfo;
  return {
    idToken,
    idTokenInfo: {
      status,
      ...(expiryDate ? { cacheExpiryDateTime: expiryDate } : {}),
      ...(parentIdTag ? { groupIdToken: { idToken: parentIdTag, type: 'Central' as const } } : {}),
    },
  };
}

// The list in OCPP 2.0.1's messages (D01, D02), its support read from the LocalAuthListCtrlr component: a station
// that does not know it, or reports it not Available, keeps no list; Enabled false has it turned off; ItemsPerMessage
// bounds a SendLocalList. versionNumber 0 is a station with no list installed yet, which a Full then fills.
export function v201LocalList(client: Caller, callTimeoutMs: number): LocalListProtocol {
  return {
    async readSupport() {
      try {
        const getVariableData = VARIABLES.map((name) => ({ component: { name: CONTROLLER }, variable: { name } }));
        const { getVariableResult } = await callV201(client, 'GetVariables', { getVariableData }, { callTimeoutMs });
        const result = (name: (typeof VARIABLES)[number]) => getVariableResult.find((entry) => entry.variable.name === name && entry.component.name === CONTROLLER);
        const value = (name: (typeof VARIABLES)[number]) => (result(name)?.attributeStatus === 'Accepted' ? result(name)?.attributeValue?.trim().toLowerCase() : undefined);
        const isKnown = result('Enabled')?.attributeStatus === 'Accepted' && value('Available') !== 'false';
        const note = !isKnown ? 'NotSupported' : value('Enabled') === 'false' ? 'disabled' : null;
        return { note, limits: { maxLength: null, sendMaxLength: positive(value('ItemsPerMessage')) } };
      } catch {
        return null;
      }
    },
    async readVersion() {
      return (await callV201(client, 'GetLocalListVersion', {}, { callTimeoutMs })).versionNumber;
    },
    // An empty list is no localAuthorizationList at all (the 2.0.1 schema wants at least one entry in one): a Full
    // without one empties the station's list.
    send: (batch, versionNumber) => {
      const entries = batch.localAuthorizationList.map(toAuthorizationData);
      const request = { versionNumber, updateType: batch.updateType, ...(entries.length > 0 ? { localAuthorizationList: entries } : {}) };
      return sendOrNote(() => callV201(client, 'SendLocalList', request, { callTimeoutMs }));
    },
  };
}
