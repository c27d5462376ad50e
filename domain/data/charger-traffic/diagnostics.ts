import { and, desc, eq, gt, inArray, isNotNull, isNull, notExists, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { chargerCommands, diagnosticsRequests, diagnosticsStatusReports } from '../../../db/schema';
import { isIssuableId } from '../../charging/limits';
import type { ChargerRef } from './chargers';

// Uploaded and UploadFailed end a GetDiagnostics; Uploading and Idle leave it open.
export const FINAL_DIAGNOSTICS_STATUSES = ['Uploaded', 'UploadFailed'];
// A GetLog ends with its upload or with the charger's reason for not making one (security whitepaper §4.2).
export const FINAL_LOG_STATUSES = ['Uploaded', 'UploadFailure', 'BadMessage', 'NotSupportedOperation', 'PermissionDenied'];

// The charger's latest request of the kind that went out (the charger may report before the .conf is recorded, or act
// on a call whose answer came too late), is still within its upload time and has not ended.
async function latestOpenRequest(db: Database, { chargerId, isLog }: { chargerId: string; isLog: boolean }) {
  const ended = db
    .select({ id: diagnosticsStatusReports.id })
    .from(diagnosticsStatusReports)
    .where(and(eq(diagnosticsStatusReports.requestId, diagnosticsRequests.id), inArray(diagnosticsStatusReports.status, isLog ? FINAL_LOG_STATUSES : FINAL_DIAGNOSTICS_STATUSES)));
  const [open] = await db
    .select({ id: diagnosticsRequests.id })
    .from(diagnosticsRequests)
    .innerJoin(chargerCommands, eq(chargerCommands.id, diagnosticsRequests.commandId))
    .where(
      and(
        eq(diagnosticsRequests.chargerId, chargerId),
        isLog ? isNotNull(diagnosticsRequests.logType) : isNull(diagnosticsRequests.logType),
        inArray(chargerCommands.status, ['sent', 'accepted', 'timeout']),
        gt(diagnosticsRequests.uploadExpiresAt, sql`now()`),
        notExists(ended),
      ),
    )
    .orderBy(desc(diagnosticsRequests.createdAt))
    .limit(1);
  return open ?? null;
}

// A DiagnosticsStatusNotification carries no request id (OCPP 1.6 §4.4): it belongs to the latest open GetDiagnostics.
// None open (an Idle the owner triggered, say): nothing is kept beyond the charger's own status.
export async function recordDiagnosticsStatusReport(db: Database, { chargerId }: ChargerRef, status: string) {
  const open = await latestOpenRequest(db, { chargerId, isLog: false });
  if (open) await db.insert(diagnosticsStatusReports).values({ requestId: open.id, status });
}

// A LogStatusNotification names its GetLog by requestId (optional: a triggered Idle has none); one without it joins
// the latest open GetLog of the charger.
export async function recordLogStatusReport(db: Database, { chargerId }: ChargerRef, { status, requestId }: { status: string; requestId?: number }) {
  // A requestId beyond PostgreSQL's integer names no GetLog this platform sent.
  const named =
    requestId === undefined || !isIssuableId(requestId)
      ? undefined
      : (
          await db
            .select({ id: diagnosticsRequests.id })
            .from(diagnosticsRequests)
            .where(and(eq(diagnosticsRequests.chargerId, chargerId), isNotNull(diagnosticsRequests.logType), eq(diagnosticsRequests.ocppRequestId, requestId)))
        )[0];
  const request = named ?? (requestId === undefined && status !== 'Idle' ? await latestOpenRequest(db, { chargerId, isLog: true }) : null);
  if (request) await db.insert(diagnosticsStatusReports).values({ requestId: request.id, status });
}

// The requestId a 2.0.1 GetLog carries for the platform's GetDiagnostics or GetLog command: its request's, linked to
// the command in the transaction that queued it (domain/diagnostics/request.ts).
export async function logRequestIdOf(db: Database, { chargerId, commandId }: { chargerId: string; commandId: string }) {
  const [request] = await db
    .select({ ocppRequestId: diagnosticsRequests.ocppRequestId })
    .from(diagnosticsRequests)
    .where(and(eq(diagnosticsRequests.chargerId, chargerId), eq(diagnosticsRequests.commandId, commandId)));
  return request?.ocppRequestId ?? null;
}

// Over 2.0.1 every diagnostics request went out as a GetLog (a GetDiagnostics as its DiagnosticsLog), so the
// LogStatusNotification's requestId names the request of either kind; one without (a triggered Idle) names none.
export async function recordLogStatusReport201(db: Database, { chargerId }: ChargerRef, { status, requestId }: { status: string; requestId?: number }) {
  if (requestId === undefined || !isIssuableId(requestId)) return;
  const [request] = await db
    .select({ id: diagnosticsRequests.id })
    .from(diagnosticsRequests)
    .where(and(eq(diagnosticsRequests.chargerId, chargerId), eq(diagnosticsRequests.ocppRequestId, requestId)));
  if (request) await db.insert(diagnosticsStatusReports).values({ requestId: request.id, status });
}
