import { and, asc, desc, eq, gt, inArray, lte, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { firmwareFiles, firmwareStatusReports, firmwareUpdates } from '../../db/schema';

type ChargerScope = { accountId: string; chargerId: string };

export type NewFirmwareUpdate = ChargerScope & {
  requestedBy: string;
  retrieveAt: Date;
  retries: number;
  retryIntervalSeconds: number;
  file?: { name: string; content: Buffer; tokenHash: string; tokenExpiresAt: Date };
  sourceUrl?: string;
  // A SignedUpdateFirmware: what is sent with the file.
  signed?: { certificatePem: string; signature: string };
};

export async function createFirmwareUpdate(db: Executor, input: NewFirmwareUpdate) {
  return db.transaction(async (tx) => {
    const [update] = await tx
      .insert(firmwareUpdates)
      .values({
        accountId: input.accountId,
        chargerId: input.chargerId,
        requestedBy: input.requestedBy,
        retrieveAt: input.retrieveAt,
        retries: input.retries,
        retryIntervalSeconds: input.retryIntervalSeconds,
        sourceUrl: input.sourceUrl ?? null,
        fileName: input.file?.name ?? null,
        fileSize: input.file?.content.length ?? null,
        tokenHash: input.file?.tokenHash ?? null,
        tokenExpiresAt: input.file?.tokenExpiresAt ?? null,
        signingCertificate: input.signed?.certificatePem ?? null,
        signature: input.signed?.signature ?? null,
      })
      .returning({ id: firmwareUpdates.id, ocppRequestId: firmwareUpdates.ocppRequestId });
    if (input.file) await tx.insert(firmwareFiles).values({ updateId: update!.id, content: input.file.content });
    return update!;
  });
}

export async function setFirmwareUpdateCommand(db: Executor, { updateId, commandId }: { updateId: string; commandId: string }) {
  await db.update(firmwareUpdates).set({ commandId }).where(eq(firmwareUpdates.id, updateId));
}

// The file behind a download link, while the link is valid.
export async function getFirmwareFileByToken(db: Executor, { tokenHash, now }: { tokenHash: string; now: Date }) {
  const [row] = await db
    .select({ fileName: firmwareUpdates.fileName, content: firmwareFiles.content })
    .from(firmwareUpdates)
    .innerJoin(firmwareFiles, eq(firmwareFiles.updateId, firmwareUpdates.id))
    .where(and(eq(firmwareUpdates.tokenHash, tokenHash), gt(firmwareUpdates.tokenExpiresAt, now)));
  return row ?? null;
}

// A file no link can fetch any more is only dead weight: the update and its history stay, the bytes go.
export async function deleteFirmwareFilesPastTheirLink(db: Executor, { now }: { now: Date }) {
  const expired = db.select({ id: firmwareUpdates.id }).from(firmwareUpdates).where(lte(firmwareUpdates.tokenExpiresAt, now));
  const deleted = await db.delete(firmwareFiles).where(inArray(firmwareFiles.updateId, expired)).returning({ updateId: firmwareFiles.updateId });
  return deleted.length;
}

// The charger's latest updates, newest first, each with the statuses the charger reported, in order.
export async function listFirmwareUpdates(db: Executor, scope: ChargerScope & { limit?: number }) {
  const updates = await db
    .select({
      id: firmwareUpdates.id,
      fileName: firmwareUpdates.fileName,
      fileSize: firmwareUpdates.fileSize,
      sourceUrl: firmwareUpdates.sourceUrl,
      retrieveAt: firmwareUpdates.retrieveAt,
      createdAt: firmwareUpdates.createdAt,
      commandId: firmwareUpdates.commandId,
      isSigned: sql<boolean>`${firmwareUpdates.signature} is not null`,
    })
    .from(firmwareUpdates)
    .where(and(eq(firmwareUpdates.accountId, scope.accountId), eq(firmwareUpdates.chargerId, scope.chargerId)))
    .orderBy(desc(firmwareUpdates.createdAt))
    .limit(scope.limit ?? 5);
  if (updates.length === 0) return [];
  const reports = await db
    .select({ updateId: firmwareStatusReports.updateId, status: firmwareStatusReports.status, receivedAt: firmwareStatusReports.receivedAt })
    .from(firmwareStatusReports)
    .where(inArray(firmwareStatusReports.updateId, updates.map((update) => update.id)))
    .orderBy(asc(firmwareStatusReports.receivedAt), asc(firmwareStatusReports.id));
  return updates.map((update) => ({ ...update, reports: reports.filter((report) => report.updateId === update.id) }));
}
export type FirmwareUpdateView = Awaited<ReturnType<typeof listFirmwareUpdates>>[number];
