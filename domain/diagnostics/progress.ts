import type { CommandStatus } from '../../db/schema';

type RequestFacts = { commandStatus: CommandStatus | null; answeredFileName: string | null; reports: { status: string }[] };

export type DiagnosticsProgress = {
  progress: 'waiting' | 'notSent' | 'nothingToUpload' | 'accepted' | 'Uploading' | 'Uploaded' | 'UploadFailed' | 'Idle';
  commandStatus: string;
};

const REPORTED = new Set(['Uploading', 'Uploaded', 'UploadFailed', 'Idle']);

// Where a request stands: the charger's latest status report, or else its answer to GetDiagnostics. An accepted
// answer without a file name means the charger has nothing to send (OCPP 1.6 §6.25).
export function diagnosticsProgress({ commandStatus, answeredFileName, reports }: RequestFacts): DiagnosticsProgress {
  const latest = reports.at(-1)?.status;
  const status = commandStatus ?? 'expired';
  if (latest && REPORTED.has(latest)) return { progress: latest as DiagnosticsProgress['progress'], commandStatus: status };
  if (status === 'pending' || status === 'sent') return { progress: 'waiting', commandStatus: status };
  if (status !== 'accepted') return { progress: 'notSent', commandStatus: status };
  return { progress: answeredFileName ? 'accepted' : 'nothingToUpload', commandStatus: status };
}
