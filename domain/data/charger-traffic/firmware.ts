import { desc, eq } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { firmwareStatusReports, firmwareUpdates } from '../../../db/schema';
import type { ChargerRef } from './chargers';

// A FirmwareStatusNotification joins the history of the charger's latest update; one with no update asked for
// here (a firmware changed by other means, or an Idle on a trigger) stays only on the charger row.
export async function recordFirmwareReport(db: Database, ref: ChargerRef, status: string) {
  const [latest] = await db
    .select({ id: firmwareUpdates.id })
    .from(firmwareUpdates)
    .where(eq(firmwareUpdates.chargerId, ref.chargerId))
    .orderBy(desc(firmwareUpdates.createdAt))
    .limit(1);
  if (latest) await db.insert(firmwareStatusReports).values({ updateId: latest.id, status });
}
