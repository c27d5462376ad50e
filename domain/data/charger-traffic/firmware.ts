import { and, desc, eq, isNotNull } from 'drizzle-orm';
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
