import type { Database } from '../../../db/client';
import { dataTransfers } from '../../../db/schema';
import type { ChargerRef } from './chargers';
import { notifyChargerEvent } from './notify';

type DataTransferRecord = { vendorId: string; messageId: string | null; data: string | null; status: string };

export async function recordDataTransfer(db: Database, ref: ChargerRef, record: DataTransferRecord) {
  await db.transaction(async (tx) => {
    await tx.insert(dataTransfers).values({ chargerId: ref.chargerId, ...record });
    await notifyChargerEvent(tx, { ...ref, kind: 'data-transfer' });
  });
}
