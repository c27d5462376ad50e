import type { CommandStatus } from '../../db/schema';

type RequestFacts = { commandStatus: CommandStatus | null; answeredFileName: string | null; answeredLogStatus?: string | null; reports: { status: string }[] };

export type DiagnosticsProgress = {
  progress:
    | 'waiting'
    | 'notSent'
    | 'nothingToUpload'
    | 'accepted'
    | 'acceptedCanceled'
    | 'Uploading'
    | 'Uploaded'
    | 'UploadFailed'
    | 'UploadFailure'
    | 'BadMessage'
    | 'NotSupportedOperation'
    | 'PermissionDenied'
    | 'Idle';
  commandStatus: string;
};

// DiagnosticsStatusNotification's statuses, and LogStatusNotification's (security whitepaper §4.2).
const REPORTED = new Set(['Uploading', 'Uploaded', 'UploadFailed', 'UploadFailure', 'BadMessage', 'NotSupportedOperation', 'PermissionDenied', 'Idle']);

// Where a request stands: the charger's latest status report, or else its answer to GetDiagnostics or GetLog. An
// accepted answer without a file name means the charger has nothing to send (OCPP 1.6 §6.25); a GetLog answered
// AcceptedCanceled was taken in place of an upload the charger had under way.
export function diagnosticsProgress({ commandStatus, answeredFileName, answeredLogStatus, reports }: RequestFacts): DiagnosticsProgress {
  const latest = reports.at(-1)?.status;
  const status = commandStatus ?? 'expired';
  if (latest && REPORTED.has(latest)) return { progress: latest as DiagnosticsProgress['progress'], commandStatus: status };
  if (status === 'pending' || status === 'sent') return { progress: 'waiting', commandStatus: status };
  if (status !== 'accepted') return { progress: 'notSent', commandStatus: status };
  if (answeredLogStatus === 'AcceptedCanceled') return { progress: 'acceptedCanceled', commandStatus: status };
  return { progress: answeredFileName ? 'accepted' : 'nothingToUpload', commandStatus: status };
}
