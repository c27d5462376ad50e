import type { Database } from '../../../db/client';
import { securityEvents } from '../../../db/schema';
import type { ChargerRef } from './chargers';
import { notifyChargerEvent } from './notify';

export type SecurityEventReport = { type: string; occurredAt: Date; techInfo: string | null };

// Rare (a boot, a clock change, a tamper alarm), so not batched.
export async function recordSecurityEvent(db: Database, ref: ChargerRef, report: SecurityEventReport) {
  await db.transaction(async (tx) => {
    await tx.insert(securityEvents).values({ chargerId: ref.chargerId, ...report });
    await notifyChargerEvent(tx, { ...ref, kind: 'security-event' });
  });
}
