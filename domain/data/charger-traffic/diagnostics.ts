import { and, desc, eq, gt, inArray, notExists, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { chargerCommands, diagnosticsRequests, diagnosticsStatusReports } from '../../../db/schema';
import type { ChargerRef } from './chargers';

// Uploaded and UploadFailed end a request; Uploading and Idle leave it open.
export const FINAL_DIAGNOSTICS_STATUSES = ['Uploaded', 'UploadFailed'];

// A DiagnosticsStatusNotification carries no request id (OCPP 1.6 §4.4): it belongs to the charger's latest request
// that went out (the charger may report before its GetDiagnostics.conf is recorded, or act on a call whose answer
// came too late), is still within its upload time and has not ended. None open (an Idle the owner triggered, say): nothing is kept beyond the charger's own status.
export async function recordDiagnosticsStatusReport(db: Database, { chargerId }: ChargerRef, status: string) {
  const ended = db
    .select({ id: diagnosticsStatusReports.id })
    .from(diagnosticsStatusReports)
    .where(and(eq(diagnosticsStatusReports.requestId, diagnosticsRequests.id), inArray(diagnosticsStatusReports.status, FINAL_DIAGNOSTICS_STATUSES)));
  const [open] = await db
    .select({ id: diagnosticsRequests.id })
    .from(diagnosticsRequests)
    .innerJoin(chargerCommands, eq(chargerCommands.id, diagnosticsRequests.commandId))
    .where(
      and(
        eq(diagnosticsRequests.chargerId, chargerId),
        inArray(chargerCommands.status, ['sent', 'accepted', 'timeout']),
        gt(diagnosticsRequests.uploadExpiresAt, sql`now()`),
        notExists(ended),
      ),
    )
    .orderBy(desc(diagnosticsRequests.createdAt))
    .limit(1);
  if (open) await db.insert(diagnosticsStatusReports).values({ requestId: open.id, status });
}
