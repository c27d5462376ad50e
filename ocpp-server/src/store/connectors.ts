import { and, eq, lt } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { chargers, connectors } from '../../../db/schema';
import type { ChargerRef } from './chargers';
import { notifyChargerEvent } from './notify';

export type ConnectorStatus = {
  connectorId: number;
  status: string;
  errorCode: string;
  info: string | null;
  vendorId: string | null;
  vendorErrorCode: string | null;
  statusAt: Date | null;
};

export async function recordConnectorStatus(db: Database, ref: ChargerRef, status: ConnectorStatus) {
  await db.transaction(async (tx) => {
    const values = { ...status, updatedAt: new Date() };
    await tx
      .insert(connectors)
      .values({ chargerId: ref.chargerId, ...values })
      .onConflictDoUpdate({ target: [connectors.chargerId, connectors.connectorId], set: values });
    // The charger knows its connectors better than the owner who registered it.
    await tx
      .update(chargers)
      .set({ connectorCount: status.connectorId })
      .where(and(eq(chargers.id, ref.chargerId), lt(chargers.connectorCount, status.connectorId)));
    await notifyChargerEvent(tx, { ...ref, kind: 'status' });
  });
}
