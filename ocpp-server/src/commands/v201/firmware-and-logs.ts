import type { Database } from '../../../../db/client';
import type { CommandPayloads } from '../../../../domain/commands/actions';
import { logRequestIdOf } from '../../../../domain/data/charger-traffic/diagnostics';
import { firmwareRequestIdOf } from '../../../../domain/data/charger-traffic/firmware';
import { createRPCError } from '../../ocpp/rpc';
import type { V201Requests } from '../../ocpp/v201';

type Command = { id: string; chargerId: string; action: string; payload: unknown };

// 2.0.1 has one UpdateFirmware (L01, L02), signed or not, named by the requestId its FirmwareStatusNotifications carry.
export async function updateFirmwareRequest(db: Database, command: Command): Promise<V201Requests['UpdateFirmware']> {
  const requestId = await firmwareRequestIdOf(db, { chargerId: command.chargerId, commandId: command.id });
  if (requestId === null) throw createRPCError('GenericError', 'No firmware update of this charger to send');
  if (command.action === 'SignedUpdateFirmware') return { ...(command.payload as CommandPayloads['SignedUpdateFirmware']), requestId };
  const { location, retrieveDate, retries, retryInterval } = command.payload as CommandPayloads['UpdateFirmware'];
  return { requestId, ...(retries === undefined ? {} : { retries }), ...(retryInterval === undefined ? {} : { retryInterval }), firmware: { location, retrieveDateTime: retrieveDate } };
}

// 2.0.1 has no GetDiagnostics: the platform's diagnostics request is a GetLog of the DiagnosticsLog (N01), named by
// the request's id as a GetLog of the security whitepaper is.
export async function getLogRequest(db: Database, command: Command): Promise<V201Requests['GetLog']> {
  if (command.action === 'GetLog') return command.payload as CommandPayloads['GetLog'];
  const requestId = await logRequestIdOf(db, { chargerId: command.chargerId, commandId: command.id });
  if (requestId === null) throw createRPCError('GenericError', 'No diagnostics request of this charger to send');
  const { location, retries, retryInterval, startTime, stopTime } = command.payload as CommandPayloads['GetDiagnostics'];
  const log = { remoteLocation: location, ...(startTime && { oldestTimestamp: startTime }), ...(stopTime && { latestTimestamp: stopTime }) };
  return { log, logType: 'DiagnosticsLog', requestId, ...(retries === undefined ? {} : { retries }), ...(retryInterval === undefined ? {} : { retryInterval }) };
}
