import { eq } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client';
import { diagnosticsRequests } from '../../db/schema';
import type { CommandPayloads, LogType } from '../commands/actions';
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
  // A GetLog of this log (security whitepaper §4.2) instead of a GetDiagnostics.
  logType?: LogType;
  retries?: number;
  retryIntervalSec?: number;
  waitMs?: number;
};

export type DiagnosticsAnswer = { status: CommandOutcome['status']; fileName: string | null; logStatus: string | null };

type Call = { action: 'GetDiagnostics' | 'GetLog'; payload: CommandPayloads['GetDiagnostics'] | CommandPayloads['GetLog'] };

// The same upload location either way; GetLog names the request, so the request row is written first.
function callFor(input: RequestDiagnosticsInput, location: string, requestId: number): Call {
  const retries = input.retries ?? 3;
  const retryInterval = input.retryIntervalSec ?? 30;
  const oldest = input.startTime?.toISOString();
  const latest = input.stopTime?.toISOString();
  if (!input.logType) {
    return { action: 'GetDiagnostics', payload: { location, retries, retryInterval, ...(oldest && { startTime: oldest }), ...(latest && { stopTime: latest }) } };
  }
  const log = { remoteLocation: location, ...(oldest && { oldestTimestamp: oldest }), ...(latest && { latestTimestamp: latest }) };
  return { action: 'GetLog', payload: { log, logType: input.logType, requestId, retries, retryInterval } };
}

function enqueueWithRequest(input: RequestDiagnosticsInput, token: { token: string; tokenHash: string }) {
  return (db: Executor, queued: EnqueueCommandInput<Call['action']>) =>
    db.transaction(async (tx) => {
      const [request] = await tx
        .insert(diagnosticsRequests)
        .values({
          accountId: input.accountId,
          chargerId: input.chargerId,
          requestedBy: input.requestedBy,
          logType: input.logType ?? null,
          startTime: input.startTime ?? null,
          stopTime: input.stopTime ?? null,
          uploadTokenHash: token.tokenHash,
          uploadExpiresAt: new Date(Date.now() + DIAGNOSTICS_UPLOAD_TTL_MS),
        })
        .returning({ id: diagnosticsRequests.id, ocppRequestId: diagnosticsRequests.ocppRequestId });
      const call = callFor(input, `${input.appUrl}${DIAGNOSTICS_UPLOAD_PATH}/${token.token}`, request!.ocppRequestId);
      const command = await enqueueCommand(tx, { ...queued, ...call } as EnqueueCommandInput<Call['action']>);
      if (!command.ok) return command;
      await tx.update(diagnosticsRequests).set({ commandId: command.value.id }).where(eq(diagnosticsRequests.id, request!.id));
      return command;
    });
}

const textOf = (value: unknown) => (typeof value === 'string' ? value : null);

// Asks the charger for its diagnostics (GetDiagnostics, OCPP 1.6 §5.7) or one of its logs (GetLog) with an upload
// location of its own. The caller has checked that the user is a member of accountId.
export async function requestDiagnostics(db: Database, input: RequestDiagnosticsInput): Promise<Result<DiagnosticsAnswer, 'notFound' | 'chargerOffline'>> {
  const charger = await getCharger(db, { accountId: input.accountId, chargerId: input.chargerId });
  if (!charger) return failure('notFound');
  if (!charger.isOnline) return failure('chargerOffline');
  // The payload is made inside the transaction, once the request's id is known; this one only types the call.
  const placeholder = callFor(input, '', 0);
  const sent = await sendCommand(
    db,
    { accountId: input.accountId, chargerId: input.chargerId, ...placeholder, requestedBy: input.requestedBy } as EnqueueCommandInput<Call['action']>,
    { waitMs: input.waitMs, enqueue: enqueueWithRequest(input, newToken()) },
  );
  if (!sent.ok) return sent;
  if (sent.value.status === 'offline') return failure('chargerOffline');
  const response = sent.value.response;
  // GetDiagnostics.conf names its file fileName, GetLog.conf filename.
  const fileName = textOf(response?.fileName) ?? textOf(response?.filename);
  return success({ status: sent.value.status, fileName, logStatus: textOf(response?.status) });
}
