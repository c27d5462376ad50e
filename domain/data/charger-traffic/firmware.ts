import { and, desc, eq, isNotNull, isNull, or } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { firmwareStatusReports, firmwareUpdates } from '../../../db/schema';
import { isIssuableId } from '../../charging/limits';
import type { ChargerRef } from './chargers';

async function latestUpdate(db: Database, { chargerId }: ChargerRef) {
  const [latest] = await db
    .select({ id: firmwareUpdates.id })
    .from(firmwareUpdates)
    .where(eq(firmwareUpdates.chargerId, chargerId))
    .orderBy(desc(firmwareUpdates.createdAt))
    .limit(1);
  return latest ?? null;
}

// A FirmwareStatusNotification joins the history of the charger's latest update; one with no update asked for
// here (a firmware changed by other means, or an Idle on a trigger) stays only on the charger row.
export async function recordFirmwareReport(db: Database, ref: ChargerRef, status: string) {
  const latest = await latestUpdate(db, ref);
  if (latest) await db.insert(firmwareStatusReports).values({ updateId: latest.id, status });
}

// A SignedFirmwareStatusNotification names its SignedUpdateFirmware by requestId (security whitepaper §4.4); one
// without (a triggered Idle), or with one beyond PostgreSQL's integer (none this platform sent), joins no update.
export async function recordSignedFirmwareReport(db: Database, ref: ChargerRef, { status, requestId }: { status: string; requestId?: number }) {
  if (requestId === undefined || !isIssuableId(requestId)) return;
  const [update] = await db
    .select({ id: firmwareUpdates.id })
    .from(firmwareUpdates)
    .where(and(eq(firmwareUpdates.chargerId, ref.chargerId), isNotNull(firmwareUpdates.signature), eq(firmwareUpdates.ocppRequestId, requestId)));
  if (update) await db.insert(firmwareStatusReports).values({ updateId: update.id, status });
}

// The requestId a 2.0.1 UpdateFirmware carries for the platform's update command (L01): that of the charger's latest
// update, which requestFirmwareUpdate writes just before it queues the command and links to it just after.
export async function firmwareRequestIdOf(db: Database, { chargerId, commandId }: { chargerId: string; commandId: string }) {
  const [update] = await db
    .select({ ocppRequestId: firmwareUpdates.ocppRequestId })
    .from(firmwareUpdates)
    .where(and(eq(firmwareUpdates.chargerId, chargerId), or(isNull(firmwareUpdates.commandId), eq(firmwareUpdates.commandId, commandId))))
    .orderBy(desc(firmwareUpdates.createdAt))
    .limit(1);
  return update?.ocppRequestId ?? null;
}

// A 2.0.1 FirmwareStatusNotification names its UpdateFirmware by requestId, signed or not (L01.FR.20); one without
// (an Idle on a trigger) joins the charger's latest update as a 1.6 one does.
export async function recordFirmwareReport201(db: Database, ref: ChargerRef, { status, requestId }: { status: string; requestId?: number }) {
  if (requestId === undefined) return recordFirmwareReport(db, ref, status);
  if (!isIssuableId(requestId)) return;
  const [update] = await db
    .select({ id: firmwareUpdates.id })
    .from(firmwareUpdates)
    .where(and(eq(firmwareUpdates.chargerId, ref.chargerId), eq(firmwareUpdates.ocppRequestId, requestId)));
  if (update) await db.insert(firmwareStatusReports).values({ updateId: update.id, status });
}
