import { and, desc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client';
import { chargerCommands, diagnosticsFiles, diagnosticsRequests, diagnosticsStatusReports, users } from '../../db/schema';
import { notifyChargerEvent } from './charger-traffic/notify';
import { failure, success, type Result } from './result';

type ChargerScope = { accountId: string; chargerId: string };

// GetDiagnostics.conf names its file fileName, GetLog.conf filename.
const answeredFileName = sql<string | null>`coalesce(${chargerCommands.response}->>'fileName', ${chargerCommands.response}->>'filename')`;
const answeredLogStatus = sql<string | null>`${chargerCommands.response}->>'status'`;

// The request an upload token opens, whatever its state: the caller tells a wrong token from a spent one.
export async function getUploadTarget(db: Executor, { tokenHash }: { tokenHash: string }) {
  const [row] = await db
    .select({
      id: diagnosticsRequests.id,
      uploadExpiresAt: diagnosticsRequests.uploadExpiresAt,
      uploadedAt: diagnosticsRequests.uploadedAt,
      answeredFileName,
    })
    .from(diagnosticsRequests)
    .leftJoin(chargerCommands, eq(chargerCommands.id, diagnosticsRequests.commandId))
    .where(eq(diagnosticsRequests.uploadTokenHash, tokenHash));
  return row ?? null;
}

export type StoredFile = { fileName: string; contentType: string; content: Buffer };

// Spends the token and keeps the file in one transaction: of two uploads at once, one is stored and the other is
// told the token is spent.
export async function storeDiagnosticsFile(db: Database, { requestId, file }: { requestId: string; file: StoredFile }): Promise<Result<null, 'spent'>> {
  return db.transaction(async (tx) => {
    const [request] = await tx
      .update(diagnosticsRequests)
      .set({ uploadedAt: sql`now()` })
      .where(and(eq(diagnosticsRequests.id, requestId), isNull(diagnosticsRequests.uploadedAt), gt(diagnosticsRequests.uploadExpiresAt, sql`now()`)))
      .returning({ accountId: diagnosticsRequests.accountId, chargerId: diagnosticsRequests.chargerId });
    if (!request) return failure('spent');
    await tx.insert(diagnosticsFiles).values({ requestId, ...file, sizeBytes: file.content.byteLength });
    await notifyChargerEvent(tx, { ...request, kind: 'diagnostics-status' });
    return success(null);
  });
}

const RECENT_REQUESTS = 10;

// The charger's latest requests, each with the charger's answer, its status reports in order and its file's size.
export async function listDiagnosticsRequests(db: Executor, { accountId, chargerId }: ChargerScope) {
  const requests = await db
    .select({
      id: diagnosticsRequests.id,
      createdAt: diagnosticsRequests.createdAt,
      logType: diagnosticsRequests.logType,
      answeredLogStatus,
      startTime: diagnosticsRequests.startTime,
      stopTime: diagnosticsRequests.stopTime,
      requestedByName: users.name,
      commandStatus: chargerCommands.status,
      answeredFileName,
      fileName: diagnosticsFiles.fileName,
      sizeBytes: diagnosticsFiles.sizeBytes,
      receivedAt: diagnosticsFiles.receivedAt,
    })
    .from(diagnosticsRequests)
    .leftJoin(chargerCommands, eq(chargerCommands.id, diagnosticsRequests.commandId))
    .leftJoin(users, eq(users.id, diagnosticsRequests.requestedBy))
    .leftJoin(diagnosticsFiles, eq(diagnosticsFiles.requestId, diagnosticsRequests.id))
    .where(and(eq(diagnosticsRequests.accountId, accountId), eq(diagnosticsRequests.chargerId, chargerId)))
    .orderBy(desc(diagnosticsRequests.createdAt))
    .limit(RECENT_REQUESTS);
  if (requests.length === 0) return [];
  const reports = await db
    .select({ requestId: diagnosticsStatusReports.requestId, status: diagnosticsStatusReports.status, receivedAt: diagnosticsStatusReports.receivedAt })
    .from(diagnosticsStatusReports)
    .where(inArray(diagnosticsStatusReports.requestId, requests.map((request) => request.id)))
    .orderBy(diagnosticsStatusReports.receivedAt, diagnosticsStatusReports.id);
  return requests.map((request) => ({ ...request, reports: reports.filter((report) => report.requestId === request.id) }));
}
export type DiagnosticsRequestRow = Awaited<ReturnType<typeof listDiagnosticsRequests>>[number];

// A charger's uploaded file with the account that owns it; the caller checks the user's membership of that account.
export async function getDiagnosticsFile(db: Executor, { requestId, chargerId }: { requestId: string; chargerId: string }) {
  const [row] = await db
    .select({ accountId: diagnosticsRequests.accountId, fileName: diagnosticsFiles.fileName, contentType: diagnosticsFiles.contentType, content: diagnosticsFiles.content })
    .from(diagnosticsFiles)
    .innerJoin(diagnosticsRequests, eq(diagnosticsRequests.id, diagnosticsFiles.requestId))
    .where(and(eq(diagnosticsFiles.requestId, requestId), eq(diagnosticsRequests.chargerId, chargerId)));
  return row ?? null;
}
