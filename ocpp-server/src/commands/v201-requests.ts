import type { Database } from '../../../db/client';
import type { CommandPayloads } from '../../../domain/commands/actions';
import { remoteStartIdOf } from '../../../domain/commands/remote-start-id';
import { ocppTransactionIdOf } from '../../../domain/data/charger-traffic/ocpp-transactions';
import { createRPCError } from '../ocpp/rpc';
import { callV201, type GetCompositeScheduleResponse, type GetInstalledCertificateIdsResponse, type MessageTriggerEnumType, type V201Requests, type V201ServerAction } from '../ocpp/v201';
import { installCertificateRequest, installedIdsAs16, installedIdsRequest } from './v201/certificates';
import { getLogRequest, updateFirmwareRequest } from './v201/firmware-and-logs';
import { clearProfileRequest, compositeAs16, compositeRequest, setProfileRequest, toV201Profile } from './v201/charging-profiles';
import { reserveNowRequest } from './v201/reservations';
import { deviceModelRequest } from './v201-device-model';
import { evseTarget, evseWithConnector } from './v201/evse-target';
import { evseConnectorOf } from '../../../domain/data/charger-traffic/evse-connectors';

type Command = { id: string; chargerId: string; action: string; payload: unknown };
export type V201Request = { [A in V201ServerAction]: { action: A; params: V201Requests[A] } }[V201ServerAction];

const notYet = (action: string) => createRPCError('NotSupported', `${action} is not available over OCPP 2.0.1 yet`);

// A StatusNotification is a connector's, so 2.0.1 wants the connector named with the EVSE; the others an EVSE's.
async function triggerOf(db: Database, command: Command, message: MessageTriggerEnumType, connectorId: number | undefined): Promise<V201Request> {
  const target = await evseTarget(db, { chargerId: command.chargerId, connectorId });
  const evse = target ? { evse: message === 'StatusNotification' ? evseWithConnector(target) : { id: target.evseId } } : {};
  return { action: 'TriggerMessage', params: { requestedMessage: message, ...evse } };
}

function triggerRequest(db: Database, command: Command): Promise<V201Request> {
  const { requestedMessage, connectorId } = command.payload as CommandPayloads['TriggerMessage'];
  if (requestedMessage === 'DiagnosticsStatusNotification') throw notYet('TriggerMessage DiagnosticsStatusNotification');
  return triggerOf(db, command, requestedMessage, connectorId);
}

// The whitepaper's ExtendedTriggerMessage is 2.0.1's TriggerMessage, where SignChargePointCertificate is named
// SignChargingStationCertificate.
function extendedTriggerRequest(db: Database, command: Command): Promise<V201Request> {
  const { requestedMessage, connectorId } = command.payload as CommandPayloads['ExtendedTriggerMessage'];
  return triggerOf(db, command, requestedMessage === 'SignChargePointCertificate' ? 'SignChargingStationCertificate' : requestedMessage, connectorId);
}

// 2.0.1 unlocks one connector of an EVSE (F05), and changes the availability of one when it is named (G03).
async function unlockRequest(db: Database, command: Command): Promise<V201Request> {
  const { connectorId } = command.payload as CommandPayloads['UnlockConnector'];
  const target = await evseConnectorOf(db, { chargerId: command.chargerId, connectorId });
  return { action: 'UnlockConnector', params: { evseId: target.evseId, connectorId: target.evseConnectorId } };
}

async function availabilityRequest(db: Database, command: Command): Promise<V201Request> {
  const { connectorId, type } = command.payload as CommandPayloads['ChangeAvailability'];
  const target = await evseTarget(db, { chargerId: command.chargerId, connectorId });
  return { action: 'ChangeAvailability', params: { operationalStatus: type, ...(target ? { evse: evseWithConnector(target) } : {}) } };
}

async function stopRequest(db: Database, command: Command): Promise<V201Request> {
  const { transactionId } = command.payload as CommandPayloads['RemoteStopTransaction'];
  const ocppTransactionId = await ocppTransactionIdOf(db, { chargerId: command.chargerId, transactionId });
  if (!ocppTransactionId) throw createRPCError('GenericError', `Session ${transactionId} has no OCPP 2.0.1 transaction id`);
  return { action: 'RequestStopTransaction', params: { transactionId: ocppTransactionId } };
}

// Central: a token the platform presents on its user's behalf (2.0.1 IdTokenEnumType). A ready-by plan rides along
// as the TxProfile the charger binds to the transaction it starts (F01, K05). 2.0.1 names only the EVSE: of its
// connectors, the one the driver plugs in is used (the transaction then names it).
async function startRequest(db: Database, command: Command): Promise<V201Request> {
  const { idTag, connectorId, chargingProfile } = command.payload as CommandPayloads['RemoteStartTransaction'];
  const target = await evseTarget(db, { chargerId: command.chargerId, connectorId });
  const params = {
    idToken: { idToken: idTag, type: 'Central' as const },
    remoteStartId: remoteStartIdOf(command.id),
    ...(target ? { evseId: target.evseId } : {}),
    ...(chargingProfile ? { chargingProfile: await toV201Profile(db, command.chargerId, chargingProfile) } : {}),
  };
  return { action: 'RequestStartTransaction', params };
}

// The command bus carries the platform's own commands (named and shaped after 1.6, domain/commands/actions.ts); a
// charger that speaks 2.0.1 gets each as the 2.0.1 request that does the same. Those with no counterpart here yet
// are refused before anything is sent, as NotSupported.
export async function toV201Request(db: Database, command: Command): Promise<V201Request> {
  switch (command.action) {
    case 'RemoteStartTransaction':
      return startRequest(db, command);
    case 'RemoteStopTransaction':
      return stopRequest(db, command);
    case 'Reset':
      // 1.6 §5.14: a Soft reset stops the transactions gracefully and restarts the application, a Hard one restarts
      // the hardware, transactions or not. Both restart now: 2.0.1 Immediate (B12), which ends the transactions
      // first. OnIdle would wait for every session to end, which neither 1.6 reset does.
      return { action: 'Reset', params: { type: 'Immediate' } };
    case 'UnlockConnector':
      return unlockRequest(db, command);
    case 'ChangeAvailability':
      return availabilityRequest(db, command);
    case 'TriggerMessage':
      return triggerRequest(db, command);
    case 'ExtendedTriggerMessage':
      return extendedTriggerRequest(db, command);
    case 'ClearCache':
      return { action: 'ClearCache', params: {} };
    case 'SetChargingProfile':
      return { action: 'SetChargingProfile', params: await setProfileRequest(db, command.chargerId, command.payload as CommandPayloads['SetChargingProfile']) };
    case 'ClearChargingProfile':
      return { action: 'ClearChargingProfile', params: await clearProfileRequest(db, command.chargerId, command.payload as CommandPayloads['ClearChargingProfile']) };
    case 'GetCompositeSchedule':
      return { action: 'GetCompositeSchedule', params: await compositeRequest(db, command.chargerId, command.payload as CommandPayloads['GetCompositeSchedule']) };
    case 'ReserveNow':
      return { action: 'ReserveNow', params: await reserveNowRequest(db, command.chargerId, command.payload as CommandPayloads['ReserveNow']) };
    case 'CancelReservation':
      return { action: 'CancelReservation', params: command.payload as CommandPayloads['CancelReservation'] };
    case 'DataTransfer':
      return { action: 'DataTransfer', params: command.payload as CommandPayloads['DataTransfer'] };
    case 'InstallCertificate':
      return { action: 'InstallCertificate', params: installCertificateRequest(command.payload as CommandPayloads['InstallCertificate']) };
    case 'GetInstalledCertificateIds':
      return { action: 'GetInstalledCertificateIds', params: installedIdsRequest(command.payload as CommandPayloads['GetInstalledCertificateIds']) };
    case 'DeleteCertificate':
      return { action: 'DeleteCertificate', params: command.payload as CommandPayloads['DeleteCertificate'] };
    case 'CertificateSigned':
      return { action: 'CertificateSigned', params: command.payload as CommandPayloads['CertificateSigned'] };
    case 'UpdateFirmware':
    case 'SignedUpdateFirmware':
      return { action: 'UpdateFirmware', params: await updateFirmwareRequest(db, command) };
    case 'GetDiagnostics':
    case 'GetLog':
      return { action: 'GetLog', params: await getLogRequest(db, command) };
    default: {
      const request = deviceModelRequest(command);
      if (request) return request;
      throw notYet(command.action);
    }
  }
}

// An answer whose shape differs between the versions is stored as the platform reads the 1.6 one.
function fromV201Response(action: string, response: unknown) {
  if (action === 'GetCompositeSchedule') return compositeAs16(response as GetCompositeScheduleResponse);
  if (action === 'GetInstalledCertificateIds') return installedIdsAs16(response as GetInstalledCertificateIdsResponse);
  return response;
}

type Caller = Parameters<typeof callV201>[0];

// A platform command sent to a 2.0.1 charger: translated, called, and its answer read back as the platform reads 1.6's.
export async function callAsV201(db: Database, client: Caller, command: Command, options: { callTimeoutMs: number }) {
  const request = await toV201Request(db, command);
  return fromV201Response(command.action, await callV201(client, request.action, request.params, options));
}
