import { createRPCError, NOREPLY } from '../src/ocpp/rpc';
import type { V16Requests, V16Responses, V16ServerAction } from '../src/ocpp/v16';
import type { SimulatedCharger, TriggerableMessage } from './simulated-charger';

type CallHandler<A extends V16ServerAction> = (charger: SimulatedCharger, params: V16Requests[A]) => Promise<V16Responses[A]>;
export type CentralSystemCalls = { [A in V16ServerAction]?: CallHandler<A> };

// Actions in `ignored` get no answer at all, to exercise the platform's timeouts.
export function answerCentralSystemCalls(charger: SimulatedCharger, ignored: ReadonlySet<string>) {
  for (const action of Object.keys(CENTRAL_SYSTEM_CALLS) as V16ServerAction[]) answer(charger, action, ignored);
}

function answer<A extends V16ServerAction>(charger: SimulatedCharger, action: A, ignored: ReadonlySet<string>) {
  const handler = CENTRAL_SYSTEM_CALLS[action];
  if (!handler) return;
  // ocpp-rpc's strict mode has checked the params against the action's request schema.
  charger.client.handle(action, async ({ params }: { params?: unknown }) => {
    charger.receivedCalls.push(action);
    if (ignored.has(action)) return NOREPLY as unknown as Record<string, unknown>;
    // 'callReceived' and 'callAnswered' let a test see what the central system has in flight with this charger.
    charger.emit('callReceived', action);
    try {
      const delayMs = charger.options.answerDelayMs ?? 0;
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
      return await handler(charger, params as V16Requests[A]);
    } finally {
      charger.emit('callAnswered', action);
    }
  });
}

export const SIMULATOR_VENDOR = 'Chargewatch';
const TRIGGERABLE: readonly string[] = ['BootNotification', 'Heartbeat', 'StatusNotification', 'MeterValues'] satisfies TriggerableMessage[];
const isTriggerable = (message: string): message is TriggerableMessage => TRIGGERABLE.includes(message);

const later = (work: () => Promise<unknown>) => setImmediate(() => void work().catch(() => {}));

// A charger built without the security whitepaper answers its calls with a CALLERROR, as OCPP-J 1.6 §4.2.3 says.
function requireSecurityExtension(charger: SimulatedCharger, action: string) {
  if (!charger.supportsSecurityExtension) throw createRPCError('NotImplemented', `${action} is not implemented by this charge point`);
}

// How the simulated charge point answers central system calls (OCPP 1.6 §5), acting after it has answered.
export const CENTRAL_SYSTEM_CALLS: CentralSystemCalls = {
  async RemoteStartTransaction(charger, params) {
    if (charger.options.rejectsRemoteStarts) return { status: 'Rejected' };
    const connectorId = params.connectorId ?? charger.freeConnector();
    if (connectorId === null || charger.session(connectorId) || !charger.reservations.admits(connectorId, params.idTag)) return { status: 'Rejected' };
    const shouldAuthorize = charger.configuration.get('AuthorizeRemoteTxRequests') === 'true';
    later(() => charger.startSession(connectorId, params.idTag, { shouldAuthorize, txProfile: params.chargingProfile }));
    return { status: 'Accepted' };
  },
  async RemoteStopTransaction(charger, params) {
    const connectorId = charger.connectorOfTransaction(params.transactionId);
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
    later(() => charger.sendStatus(params.connectorId, status));
    return { status: 'Accepted' };
  },
  async GetConfiguration(charger, params) {
    const keys = params.key ?? [...charger.configuration.keys()];
    return {
      configurationKey: keys
        .filter((key) => charger.configuration.has(key))
        .map((key) => ({ key, readonly: false, value: charger.configuration.get(key) })),
      unknownKey: keys.filter((key) => !charger.configuration.has(key)),
    };
  },
  async ChangeConfiguration(charger, params) {
    return { status: charger.changeConfiguration(params.key, params.value) };
  },
  async InstallCertificate(charger, params) {
    return { status: charger.certificates.install(params.certificateType, params.certificate) };
  },
  async GetInstalledCertificateIds(charger, params) {
    const ids = charger.certificates.ids(params.certificateType);
    return ids.length > 0 ? { status: 'Accepted', certificateHashData: ids } : { status: 'NotFound' };
  },
  async DeleteCertificate(charger, params) {
    return { status: charger.certificates.delete(params.certificateHashData) };
  },
  async ClearCache() {
    return { status: 'Accepted' };
  },
  async SendLocalList(charger, params) {
    await charger.localList.updatesFlow();
    return { status: charger.localList.apply(params) };
  },
  async GetLocalListVersion(charger) {
    return { listVersion: charger.localList.reportVersion() };
  },
  async ReserveNow(charger, params) {
    return { status: charger.reservations.reserve(params) };
  },
  async CancelReservation(charger, params) {
    return { status: charger.reservations.cancel(params.reservationId) };
  },
  async GetDiagnostics(charger, params) {
    return charger.diagnostics.answer(params);
  },
  async UpdateFirmware(charger, params) {
    charger.firmware.accept(params);
    return {};
  },
  async TriggerMessage(charger, params) {
    const requested = params.requestedMessage;
    if (requested === 'DiagnosticsStatusNotification') {
      later(() => charger.reportDiagnosticsStatus(charger.diagnostics.currentStatus));
      return { status: 'Accepted' };
    }
    if (requested === 'FirmwareStatusNotification') {
      later(() => charger.firmware.report());
      return { status: 'Accepted' };
    }
    if (!isTriggerable(requested)) return { status: 'NotImplemented' };
    const { connectorId } = params;
    if (connectorId !== undefined && connectorId > charger.connectorCount) return { status: 'Rejected' };
    later(() => charger.trigger(requested, connectorId));
    return { status: 'Accepted' };
  },
  async SetChargingProfile(charger, params) {
    const status = charger.chargingProfiles.set(params);
    if (status === 'Accepted') later(async () => charger.reviewLimits());
    charger.emit('chargingProfileAnswered', { connectorId: params.connectorId, status });
    return { status };
  },
  async ClearChargingProfile(charger, params) {
    const status = charger.chargingProfiles.clear(params);
    later(async () => charger.reviewLimits());
    return { status };
  },
  async GetCompositeSchedule(charger, params) {
    return charger.chargingProfiles.composite(params);
  },
  async GetLog(charger, params) {
    requireSecurityExtension(charger, 'GetLog');
    return charger.diagnostics.answerLog(params);
  },
  async SignedUpdateFirmware(charger, params) {
    requireSecurityExtension(charger, 'SignedUpdateFirmware');
    return charger.firmware.acceptSigned(params);
  },
  // Security whitepaper §4.3; SignChargePointCertificate: a SignCertificate with a CSR for its own key pair.
  async ExtendedTriggerMessage(charger, params) {
    requireSecurityExtension(charger, 'ExtendedTriggerMessage');
    const { requestedMessage, connectorId } = params;
    if (connectorId !== undefined && connectorId > charger.connectorCount) return { status: 'Rejected' };
    if (requestedMessage === 'SignChargePointCertificate') later(() => charger.clientCertificate.request(charger.client, charger.identity));
    else if (requestedMessage === 'LogStatusNotification') later(() => charger.reportLogStatus(charger.diagnostics.currentLogStatus));
    else if (requestedMessage === 'FirmwareStatusNotification') later(() => charger.firmware.reportSigned());
    else later(() => charger.trigger(requestedMessage, connectorId));
    return { status: 'Accepted' };
  },
  // Security whitepaper §4.1: the chain the central system signed from its CSR; kept, and used to log in again if so set.
  async CertificateSigned(charger, params) {
    requireSecurityExtension(charger, 'CertificateSigned');
    const status = await charger.clientCertificate.accept(params.certificateChain, charger.identity);
    if (status === 'Accepted' && charger.clientCertificate.reconnectsWithCertificate) later(() => charger.reconnectWithCertificate());
    return { status };
  },
  // The simulator's own vendor extension: messageId Echo answers with the data it was sent.
  async DataTransfer(_charger, params) {
    if (params.vendorId !== SIMULATOR_VENDOR) return { status: 'UnknownVendorId' };
    if (params.messageId !== 'Echo') return { status: 'UnknownMessageId' };
    return { status: 'Accepted', ...(params.data === undefined ? {} : { data: params.data }) };
  },
};
