import { and, eq, isNull, sql, type AnyColumn } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { chargerProvisioning, chargers } from '../../../db/schema';
import type { ProvisioningOutcome } from '../../chargers/provisioning';
import type { ChargerRef } from './chargers';
import { columnName } from './columns';
import { notifyChargerEvent } from './notify';

// The owner's meter settings of a charger, and whether it has ever booted (a reconnect of one that never did
// waits for its BootNotification: a charger not yet accepted must not be sent calls, 1.6 §4.2).
export async function getMeterSettings(db: Database, chargerId: string) {
  const [row] = await db
    .select({
      accountId: chargers.accountId,
      sampleIntervalSec: chargers.meterSampleIntervalSec,
      measurands: chargers.meterMeasurands,
      hasBooted: sql<boolean>`${chargers.lastBootAt} is not null`,
    })
    .from(chargers)
    .where(and(eq(chargers.id, chargerId), isNull(chargers.deletedAt)));
  return row ?? null;
}

const excluded = (column: AnyColumn) => sql`excluded.${sql.identifier(columnName(column))}`;

export type ProvisionedKeyResult = { key: string; wanted: string; reported: string | null; outcome: ProvisioningOutcome };

// A run that finds the value the platform set still there (a boot and a reconnect close together each run once) says
// nothing new: the owner keeps seeing what was set, and from what.
const keepsWhatWasSet = sql`${excluded(chargerProvisioning.outcome)} = 'unchanged' and ${chargerProvisioning.outcome} = 'Accepted' and ${chargerProvisioning.wanted} = ${excluded(chargerProvisioning.wanted)}`;

export async function recordProvisioning(db: Database, ref: ChargerRef, results: ProvisionedKeyResult[]) {
  await db.transaction(async (tx) => {
    if (results.length > 0) {
      await tx
        .insert(chargerProvisioning)
        .values(results.map((result) => ({ chargerId: ref.chargerId, ...result, updatedAt: new Date() })))
        .onConflictDoUpdate({
          target: [chargerProvisioning.chargerId, chargerProvisioning.key],
          set: {
            wanted: excluded(chargerProvisioning.wanted),
            reported: sql`case when ${keepsWhatWasSet} then ${chargerProvisioning.reported} else ${excluded(chargerProvisioning.reported)} end`,
            outcome: sql`case when ${keepsWhatWasSet} then ${chargerProvisioning.outcome} else ${excluded(chargerProvisioning.outcome)} end`,
            updatedAt: excluded(chargerProvisioning.updatedAt),
          },
        });
    }
    await tx.update(chargers).set({ provisionedAt: new Date() }).where(eq(chargers.id, ref.chargerId));
    await notifyChargerEvent(tx, { ...ref, kind: 'provisioning' });
  });
}
