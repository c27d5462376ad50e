import { callV201, type FirmwareStatusEnumType, type UploadLogStatusEnumType, type V201Requests, type V201Responses, type V201ServerAction } from '../../src/ocpp/v201';
import type { RpcClient } from '../../src/ocpp/rpc';
import { SimulatorDiagnostics, type DiagnosticsUploadMethod } from '../diagnostics-upload';
import { SimulatorFirmware, type FirmwareOptions } from '../firmware-update';

type Station = {
  readonly client: RpcClient;
  readonly isConnected: boolean;
  readonly options: { identity: string };
  answer<A extends V201ServerAction>(action: A, handler: (params: V201Requests[A]) => Promise<V201Responses[A]>): void;
  // A restart after new firmware: it boots again with the version it now runs.
  rebootAfterFirmware(): Promise<void>;
};

export type FirmwareAndLogOptions = { firmware?: FirmwareOptions; diagnosticsUpload?: DiagnosticsUploadMethod };

// Firmware and logs of a 2.0.1 station, run as the 1.6 simulator runs them (download from the location, install,
// reboot; upload the log to the location), reported the 2.0.1 way: each FirmwareStatusNotification and
// LogStatusNotification names its request (L01, N01). An UpdateFirmware with a signature is checked as the
// whitepaper's SignedUpdateFirmware is.
export function answerFirmwareAndLogs(station: Station, options: FirmwareAndLogOptions = {}) {
  let plainRequestId: number | null = null;
  const notify = async (status: FirmwareStatusEnumType, requestId: number | null) => {
    if (station.isConnected) await callV201(station.client, 'FirmwareStatusNotification', { status, ...(requestId === null ? {} : { requestId }) });
  };
  const firmware = new SimulatorFirmware(
    {
      sendFirmwareStatus: (status) => notify(status, plainRequestId),
      sendSignedFirmwareStatus: (report) => notify(report.status, report.requestId ?? null),
      reboot: () => station.rebootAfterFirmware(),
    },
    // The command line passes installedVersion undefined when not given: the 2.0.1 station's own version stands then.
    { ...options.firmware, installedVersion: options.firmware?.installedVersion ?? 'sim-2.0.1' },
  );
  const reportLogStatus = async ({ status, requestId }: { status: string; requestId?: number }) => {
    if (station.isConnected) await callV201(station.client, 'LogStatusNotification', { status: status as UploadLogStatusEnumType, ...(requestId === undefined ? {} : { requestId }) });
  };
  // 2.0.1 has no DiagnosticsStatusNotification: a GetLog is its only way to ask for a log.
  const diagnostics = new SimulatorDiagnostics({ identity: station.options.identity, client: station.client, reportDiagnosticsStatus: async () => {}, reportLogStatus }, options.diagnosticsUpload);

  station.answer('UpdateFirmware', async ({ firmware: file, requestId, retries, retryInterval }) => {
    const { signingCertificate, signature } = file;
    if (signingCertificate && signature) return firmware.acceptSigned({ requestId, retries, retryInterval, firmware: { ...file, signingCertificate, signature } });
    plainRequestId = requestId;
    firmware.accept({ location: file.location, retrieveDate: file.retrieveDateTime, retries, retryInterval });
    return { status: 'Accepted' };
  });
  station.answer('GetLog', async (params) => diagnostics.answerLog(params));
  return { firmware, diagnostics };
}
