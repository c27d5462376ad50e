import type { Database, Executor } from '../../db/client';
import { diagnosticsRequests } from '../../db/schema';
import { enqueueCommand, type EnqueueCommandInput } from '../commands/enqueue';
import { sendCommand, type CommandOutcome } from '../commands/send';
import { newToken } from '../crypto/token';
import { getCharger } from '../data/chargers';
import { failure, success, type Result } from '../data/result';

// Long enough for a charger that gathers its logs slowly or retries; the token admits one file within it.
export const DIAGNOSTICS_UPLOAD_TTL_MS = 60 * 60_000;
export const DIAGNOSTICS_UPLOAD_PATH = '/api/diagnostics/uploads';

export type DiagnosticsWindow = { startTime?: Date; stopTime?: Date };

export type RequestDiagnosticsInput = DiagnosticsWindow & {
  accountId: string;
  chargerId: string;
  requestedBy: string;
  // The web app's public address (APP_URL): the charger uploads there.
  appUrl: string;
  retries?: number;
  retryIntervalSec?: number;
  waitMs?: number;
};

export type DiagnosticsAnswer = { status: CommandOutcome['status']; fileName: string | null };

function enqueueWithRequest(request: { tokenHash: string } & RequestDiagnosticsInput) {
  return (db: Executor, input: EnqueueCommandInput<'GetDiagnostics'>) =>
    db.transaction(async (tx) => {
      const queued = await enqueueCommand(tx, input);
      if (!queued.ok) return queued;
      await tx.insert(diagnosticsRequests).values({
        accountId: request.accountId,
        chargerId: request.chargerId,
        commandId: queued.value.id,
        requestedBy: request.requestedBy,
        startTime: request.startTime ?? null,
        stopTime: request.stopTime ?? null,
        uploadTokenHash: request.tokenHash,
        uploadExpiresAt: new Date(Date.now() + DIAGNOSTICS_UPLOAD_TTL_MS),
      });
      return queued;
    });
}

// Asks the charger for its diagnostics (GetDiagnostics, OCPP 1.6 §5.7) with an upload location of its own. The caller
// has checked that the user is a member of accountId.
export async function requestDiagnostics(db: Database, input: RequestDiagnosticsInput): Promise<Result<DiagnosticsAnswer, 'notFound' | 'chargerOffline'>> {
  const charger = await getCharger(db, { accountId: input.accountId, chargerId: input.chargerId });
  if (!charger) return failure('notFound');
  if (!charger.isOnline) return failure('chargerOffline');
  const { token, tokenHash } = newToken();
  const payload = {
    location: `${input.appUrl}${DIAGNOSTICS_UPLOAD_PATH}/${token}`,
    retries: input.retries ?? 3,
    retryInterval: input.retryIntervalSec ?? 30,
    ...(input.startTime && { startTime: input.startTime.toISOString() }),
    ...(input.stopTime && { stopTime: input.stopTime.toISOString() }),
  };
  const sent = await sendCommand(
    db,
    { accountId: input.accountId, chargerId: input.chargerId, action: 'GetDiagnostics', payload, requestedBy: input.requestedBy },
    { waitMs: input.waitMs, enqueue: enqueueWithRequest({ ...input, tokenHash }) },
  );
  if (!sent.ok) return sent;
  if (sent.value.status === 'offline') return failure('chargerOffline');
  const fileName = typeof sent.value.response?.fileName === 'string' ? sent.value.response.fileName : null;
  return success({ status: sent.value.status, fileName });
}
