import type { LocalListEntry, SimulatedCharger } from './simulated-charger';

type Params = Record<string, unknown>;
type CallHandler = (charger: SimulatedCharger, params: Params) => Promise<Record<string, unknown>>;

const later = (work: () => Promise<unknown>) => setImmediate(() => void work().catch(() => {}));

// How the simulated charge point answers central system calls (OCPP 1.6 §5), acting after it has answered.
export const CENTRAL_SYSTEM_CALLS: Record<string, CallHandler> = {
  async RemoteStartTransaction(charger, params) {
    const connectorId = (params.connectorId as number | undefined) ?? charger.freeConnector();
    if (connectorId === null || charger.session(connectorId)) return { status: 'Rejected' };
    later(() => charger.startSession(connectorId, String(params.idTag), { shouldAuthorize: false }));
    return { status: 'Accepted' };
  },
  async RemoteStopTransaction(charger, params) {
    const connectorId = charger.connectorOfTransaction(Number(params.transactionId));
    if (connectorId === null) return { status: 'Rejected' };
    later(() => charger.stopSession(connectorId, 'Remote'));
    return { status: 'Accepted' };
  },
  async Reset(charger, params) {
    later(() => charger.reset(params.type === 'Hard' ? 'HardReset' : 'SoftReset'));
    return { status: 'Accepted' };
  },
  async UnlockConnector() {
    return { status: 'Unlocked' };
  },
  async ChangeAvailability(charger, params) {
    const status = params.type === 'Inoperative' ? 'Unavailable' : 'Available';
    later(() => charger.sendStatus(Number(params.connectorId), status));
    return { status: 'Accepted' };
  },
  async GetConfiguration(charger, params) {
    const keys = (params.key as string[] | undefined) ?? [...charger.configuration.keys()];
    return {
      configurationKey: keys
        .filter((key) => charger.configuration.has(key))
        .map((key) => ({ key, readonly: false, value: charger.configuration.get(key) })),
      unknownKey: keys.filter((key) => !charger.configuration.has(key)),
    };
  },
  async ChangeConfiguration(charger, params) {
    charger.configuration.set(String(params.key), String(params.value));
    return { status: 'Accepted' };
  },
  async ClearCache() {
    return { status: 'Accepted' };
  },
  async SendLocalList(charger, params) {
    const entries = (params.localAuthorizationList as { idTag: string; idTagInfo?: LocalListEntry }[] | undefined) ?? [];
    const list = charger.localList;
    if (params.updateType === 'Full') list.entries.clear();
    for (const { idTag, idTagInfo } of entries) {
      if (idTagInfo) list.entries.set(idTag.toUpperCase(), idTagInfo);
      else list.entries.delete(idTag.toUpperCase());
    }
    list.version = Number(params.listVersion);
    return { status: 'Accepted' };
  },
  async GetLocalListVersion(charger) {
    return { listVersion: charger.localList.version };
  },
  async TriggerMessage(charger, params) {
    const requested = String(params.requestedMessage);
    if (!['BootNotification', 'Heartbeat', 'StatusNotification'].includes(requested)) return { status: 'NotImplemented' };
    later(() => charger.trigger(requested));
    return { status: 'Accepted' };
  },
};
