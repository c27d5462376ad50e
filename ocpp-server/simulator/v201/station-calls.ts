import { callV201 } from '../../src/ocpp/v201';
import type { SimulatedCharger201 } from './simulated-charger-201';

const allEvses = (charger: SimulatedCharger201) => Array.from({ length: charger.evses }, (_, index) => index + 1);
const isFree = (charger: SimulatedCharger201, evseId: number) => charger.session(evseId) === null;

// The platform's requests about transactions and the station itself: remote start and stop, reset, unlock,
// availability, and the messages it may be asked to send now.
export function answerStationCalls(charger: SimulatedCharger201) {
  charger.answer('RequestStartTransaction', async (params) => {
    const evseId = params.evseId ?? allEvses(charger).find((id) => isFree(charger, id));
    if (charger.options.rejectsRemoteStarts || evseId === undefined || !isFree(charger, evseId)) return { status: 'Rejected' };
    if (!charger.reservations.held.admits(evseId, params.idToken.idToken)) return { status: 'Rejected' };
    const txProfile = params.chargingProfile;
    // K05: only a TxProfile may ride on a remote start.
    if (txProfile && txProfile.chargingProfilePurpose !== 'TxProfile') return { status: 'Rejected' };
    charger.later(() => charger.startSession(evseId, params.idToken.idToken, { remoteStartId: params.remoteStartId, ...(txProfile ? { txProfile } : {}) }));
    return { status: 'Accepted' };
  });
  charger.answer('RequestStopTransaction', async (params) => {
    const evseId = charger.evseOfTransaction(params.transactionId);
    if (evseId === null) return { status: 'Rejected' };
    charger.later(() => charger.stopSession(evseId, 'Remote'));
    return { status: 'Accepted' };
  });
  // OnIdle with a transaction running: the reset waits for it (Scheduled); the simulator then does not reset.
  charger.answer('Reset', async (params) => {
    if (params.type === 'OnIdle' && charger.openTransactionIds.length > 0) return { status: 'Scheduled' };
    charger.later(() => charger.reset());
    return { status: 'Accepted' };
  });
  charger.answer('UnlockConnector', async (params) => ({ status: params.evseId <= charger.evses && charger.connectors.has(params.evseId, params.connectorId) ? 'Unlocked' : 'UnknownConnector' }));
  charger.answer('ChangeAvailability', async (params) => {
    const status = params.operationalStatus === 'Operative' ? 'Available' : 'Unavailable';
    const evses = params.evse ? [params.evse.id] : allEvses(charger);
    charger.later(() => Promise.all(evses.filter((id) => isFree(charger, id)).map((id) => charger.reportStatus(id, status))));
    return { status: 'Accepted' };
  });
  charger.answer('TriggerMessage', async (params) => {
    const evseId = params.evse?.id ?? 1;
    if (params.requestedMessage === 'Heartbeat') charger.later(() => callV201(charger.client, 'Heartbeat', {}));
    else if (params.requestedMessage === 'SignChargingStationCertificate') charger.later(() => charger.requestCertificate());
    else if (params.requestedMessage === 'StatusNotification') charger.later(() => charger.reportStatus(evseId, isFree(charger, evseId) ? 'Available' : 'Occupied'));
    else if (params.requestedMessage === 'FirmwareStatusNotification') charger.later(() => charger.firmware.report());
    else if (params.requestedMessage === 'LogStatusNotification') charger.later(() => charger.diagnostics.reportCurrentLogStatus());
    else return { status: 'NotImplemented' };
    return { status: 'Accepted' };
  });
}
