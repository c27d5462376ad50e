import { and, eq, lt, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { MAX_CONNECTORS } from '../../../lib/charging/limits';
import { chargers, connectors } from '../../../db/schema';
import type { ChargerRef } from './chargers';
import { chargerEventQuery } from './notify';

export type ConnectorStatus = {
  connectorId: number;
  status: string;
  errorCode: string;
  info: string | null;
  vendorId: string | null;
  vendorErrorCode: string | null;
  statusAt: Date | null;
};

// One statement (two data-modifying CTEs and the NOTIFY), so one round trip instead of five; every charger
// sends one per connector at each boot.
export async function recordConnectorStatus(db: Database, ref: ChargerRef, status: ConnectorStatus) {
  if (status.connectorId > MAX_CONNECTORS) return;
  const values = { ...status, updatedAt: new Date() };
  const upsert = db
    .insert(connectors)
    .values({ chargerId: ref.chargerId, ...values })
    .onConflictDoUpdate({ target: [connectors.chargerId, connectors.connectorId], set: values });
  // The charger knows its connectors better than the owner who registered it.
  const grow = db
    .update(chargers)
    .set({ connectorCount: status.connectorId })
    .where(and(eq(chargers.id, ref.chargerId), lt(chargers.connectorCount, status.connectorId)));
  await db.execute(sql`with upserted as ${upsert}, grown as ${grow} ${chargerEventQuery({ ...ref, kind: 'status' })}`);
}
