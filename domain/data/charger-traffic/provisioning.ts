import { and, eq, isNull, sql, type AnyColumn } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { chargerProvisioning, chargers, chargerSmartCharging, circuitChargers, reservationSupport, securityExtensionSupport } from '../../../db/schema';
import type { ProvisioningOutcome } from '../../chargers/provisioning';
import type { ChargerRef } from './chargers';
import { columnList, columnName } from './columns';
import { RESERVATION_PROFILE } from '../../reservations/support';
import type { SmartChargingLimits } from '../../smart-charging/charger-limits';
import { upsertSmartChargingLimits } from '../power-settings';
import { preparedQuery } from '../prepared-query';
import { upsertFeatureSupport } from './feature-support';
import { chargerEventQuery } from './notify';
import { SECURITY_PROFILE_KEY } from './security-extension';

// The owner's meter settings of a charger, and whether it has ever booted (a reconnect of one that never did
// waits for its BootNotification: a charger not yet accepted must not be sent calls, 1.6 §4.2).
const meterSettings = preparedQuery((db) =>
  db
    .select({
      accountId: chargers.accountId,
      sampleIntervalSec: chargers.meterSampleIntervalSec,
      measurands: chargers.meterMeasurands,
      hasBooted: sql<boolean>`${chargers.lastBootAt} is not null`,
    })
    .from(chargers)
    .where(and(eq(chargers.id, sql.placeholder('chargerId')), isNull(chargers.deletedAt)))
    .prepare('meter_settings'),
);

export async function getMeterSettings(db: Database, chargerId: string) {
  const [row] = await meterSettings(db).execute({ chargerId });
  return row ?? null;
}

const excluded = (column: AnyColumn) => sql`excluded.${sql.identifier(columnName(column))}`;

export type ProvisionedKeyResult = { key: string; wanted: string; reported: string | null; outcome: ProvisioningOutcome };

// A run that finds the value the platform set still there (a boot and a reconnect close together each run once) says
// nothing new: the owner keeps seeing what was set, and from what.
const keepsWhatWasSet = sql`${excluded(chargerProvisioning.outcome)} = 'unchanged' and ${chargerProvisioning.outcome} = 'Accepted' and ${chargerProvisioning.wanted} = ${excluded(chargerProvisioning.wanted)}`;

// What one provisioning run learnt besides the keys it set: a 1.6 charger's SupportedFeatureProfiles and the keys its
// GetConfiguration listed (null: not read), and the Smart Charging limits it reported (either protocol).
export type ProvisioningRun = {
  results: ProvisionedKeyResult[];
  featureProfiles?: string | null;
  configurationKeys?: string[] | null;
  smartCharging?: SmartChargingLimits | null;
};

// The circuit to plan again: the one the charger is on, when the run found its limits changed (null otherwise).
type ProvisioningRecorded = { replanCircuitId: string | null };

const LIMIT_FIELDS = columnList([chargerSmartCharging.isSupported, chargerSmartCharging.maxStackLevel, chargerSmartCharging.allowedRateUnits, chargerSmartCharging.maxProfilesInstalled]);

// Everything a run learnt, in one statement (a booting fleet runs thousands of these while its messages wait for
// the database): the keys, the charger's provisioning time, which features it implements, its limits, and the
// charger event on commit. The limits kept before are read in the same snapshot, to tell whether they changed.
export async function recordProvisioning(db: Database, ref: ChargerRef, { results, featureProfiles = null, configurationKeys = null, smartCharging = null }: ProvisioningRun): Promise<ProvisioningRecorded> {
  const { chargerId } = ref;
  // Each part as its query builder renders it, without the parentheses a builder gets inside sql``.
  const parts = [sql`provisioned as (${db.update(chargers).set({ provisionedAt: sql`now()` }).where(eq(chargers.id, chargerId)).getSQL()})`];
  if (results.length > 0) {
    const keys = db
      .insert(chargerProvisioning)
      .values(results.map((result) => ({ chargerId, ...result, updatedAt: sql`now()` })))
      .onConflictDoUpdate({
        target: [chargerProvisioning.chargerId, chargerProvisioning.key],
        set: {
          wanted: excluded(chargerProvisioning.wanted),
          reported: sql`case when ${keepsWhatWasSet} then ${chargerProvisioning.reported} else ${excluded(chargerProvisioning.reported)} end`,
          outcome: sql`case when ${keepsWhatWasSet} then ${chargerProvisioning.outcome} else ${excluded(chargerProvisioning.outcome)} end`,
          updatedAt: excluded(chargerProvisioning.updatedAt),
        },
      });
    parts.push(sql`keys as (${keys.getSQL()})`);
  }
  if (featureProfiles !== null) {
    const isSupported = featureProfiles.split(',').map((profile) => profile.trim()).includes(RESERVATION_PROFILE);
    parts.push(sql`reservation_flag as (${upsertFeatureSupport(db, reservationSupport, { chargerId, isSupported, evidence: 'SupportedFeatureProfiles' }).getSQL()})`);
  }
  if (configurationKeys !== null) {
    // The whitepaper's SecurityProfile key is there or it is not.
    const isSupported = configurationKeys.includes(SECURITY_PROFILE_KEY);
    parts.push(sql`security_flag as (${upsertFeatureSupport(db, securityExtensionSupport, { chargerId, isSupported, evidence: isSupported ? SECURITY_PROFILE_KEY : `no ${SECURITY_PROFILE_KEY}` }).getSQL()})`);
  }
  let changedLimits = sql`false`;
  if (smartCharging) {
    const { isSupported, maxStackLevel, allowedRateUnits, maxProfilesInstalled } = smartCharging;
    parts.push(
      sql`before as (select ${LIMIT_FIELDS} from ${chargerSmartCharging} where ${chargerSmartCharging.chargerId} = ${chargerId})`,
      sql`limits as (${upsertSmartChargingLimits(db, { chargerId, limits: smartCharging }).getSQL()})`,
    );
    changedLimits = sql`not exists (select from before where (${LIMIT_FIELDS}) is not distinct from (${isSupported}::boolean, ${maxStackLevel}::integer, ${allowedRateUnits}::text, ${maxProfilesInstalled}::integer))`;
  }
  const [row] = await db.execute<{ circuit_id: string | null }>(sql`
    with ${sql.join(parts, sql`, `)}
    select case when ${changedLimits} then (select ${circuitChargers.circuitId} from ${circuitChargers} where ${circuitChargers.chargerId} = ${chargerId}) end as circuit_id,
      (${chargerEventQuery({ ...ref, kind: 'provisioning' })}) as notified`);
  return { replanCircuitId: row?.circuit_id ?? null };
}
