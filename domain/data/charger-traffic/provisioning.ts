import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { chargerProvisioning, chargers, chargerSmartCharging, circuitChargers, reservationSupport, securityExtensionSupport } from '../../../db/schema';
import type { ProvisioningOutcome } from '../../chargers/provisioning';
import type { ChargerRef } from './chargers';
import { assignments, columnList, excludedValue, fromExcluded } from './columns';
import { RESERVATION_PROFILE } from '../../reservations/support';
import type { SmartChargingLimits } from '../../smart-charging/charger-limits';
import { preparedQuery } from '../prepared-query';
import { preparedStatement } from './prepared';
import { chargerEventsOf, fieldList, jsonbSafe, recordDefinition, type RecordColumns } from './recordset';
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

export type ProvisionedKeyResult = { key: string; wanted: string; reported: string | null; outcome: ProvisioningOutcome };

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

// The run as the statement reads it, one jsonb parameter: a part the run did not learn is absent.
type RunRecord = {
  chargerId: string;
  accountId: string;
  results: ProvisionedKeyResult[];
  reservation?: { isSupported: boolean; evidence: string };
  security?: { isSupported: boolean; evidence: string };
  limits?: SmartChargingLimits;
};

const RESULT_FIELDS = { key: chargerProvisioning.key, wanted: chargerProvisioning.wanted, reported: chargerProvisioning.reported, outcome: chargerProvisioning.outcome };
const SUPPORT_FIELDS = { isSupported: reservationSupport.isSupported, evidence: reservationSupport.evidence };
const LIMIT_FIELDS = { isSupported: chargerSmartCharging.isSupported, maxStackLevel: chargerSmartCharging.maxStackLevel, allowedRateUnits: chargerSmartCharging.allowedRateUnits, maxProfilesInstalled: chargerSmartCharging.maxProfilesInstalled };
const LIMIT_COLUMNS = columnList(Object.values(LIMIT_FIELDS));


// A run that finds the value the platform set still there (a boot and a reconnect close together each run once) says
// nothing new: the owner keeps seeing what was set, and from what.
const keepsWhatWasSet = sql`${excludedValue(chargerProvisioning.outcome)} = 'unchanged' and ${chargerProvisioning.outcome} = 'Accepted' and ${chargerProvisioning.wanted} = ${excludedValue(chargerProvisioning.wanted)}`;

// `name` of the run, as a relation of one row typed as `fields`' columns, or none when the run did not learn it.
function partOfRun(name: string, fields: RecordColumns) {
  return sql`jsonb_to_record(run.value -> ${name}) as part(${recordDefinition(fields)}) where run.value ? ${name}`;
}

function upsertSupport(table: typeof reservationSupport | typeof securityExtensionSupport, part: string) {
  return sql`insert into ${table} (${columnList([table.chargerId, table.isSupported, table.evidence])})
    select run.charger_id, ${fieldList(SUPPORT_FIELDS)} from run, ${partOfRun(part, SUPPORT_FIELDS)}
    on conflict (${columnList([table.chargerId])}) do update set ${fromExcluded([table.isSupported, table.evidence])}, ${assignments(table, { updatedAt: sql`now()` })}`;
}

// Everything a run learnt, in one statement compiled once (a booting fleet runs thousands of these while its messages
// wait for the database): the keys, the charger's provisioning time, which features it implements, its limits, and
// the charger event on commit. The limits kept before are read in the same snapshot, to tell whether they changed.
const recordRun = preparedStatement(['run'], ({ run }) => sql`
  with run as (select value, (value ->> 'chargerId')::uuid as charger_id, (value ->> 'accountId')::uuid as account_id from (select ${run}::text::jsonb as value) as given),
  provisioned as (update ${chargers} set ${assignments(chargers, { provisionedAt: sql`now()` })} from run where ${chargers.id} = run.charger_id),
  keys as (
    insert into ${chargerProvisioning} (${columnList([chargerProvisioning.chargerId, ...Object.values(RESULT_FIELDS), chargerProvisioning.updatedAt])})
    select run.charger_id, ${fieldList(RESULT_FIELDS)}, now() from run, jsonb_to_recordset(run.value -> 'results') as v(${recordDefinition(RESULT_FIELDS)})
    on conflict (${columnList([chargerProvisioning.chargerId, chargerProvisioning.key])}) do update set ${assignments(chargerProvisioning, {
      wanted: excludedValue(chargerProvisioning.wanted),
      reported: sql`case when ${keepsWhatWasSet} then ${chargerProvisioning.reported} else ${excludedValue(chargerProvisioning.reported)} end`,
      outcome: sql`case when ${keepsWhatWasSet} then ${chargerProvisioning.outcome} else ${excludedValue(chargerProvisioning.outcome)} end`,
      updatedAt: excludedValue(chargerProvisioning.updatedAt),
    })}),
  reservation_flag as (${upsertSupport(reservationSupport, 'reservation')}),
  security_flag as (${upsertSupport(securityExtensionSupport, 'security')}),
  before as (select ${LIMIT_COLUMNS} from ${chargerSmartCharging}, run where ${chargerSmartCharging.chargerId} = run.charger_id),
  limits as (
    insert into ${chargerSmartCharging} (${columnList([chargerSmartCharging.chargerId, ...Object.values(LIMIT_FIELDS)])})
    select run.charger_id, ${fieldList(LIMIT_FIELDS)} from run, ${partOfRun('limits', LIMIT_FIELDS)}
    on conflict (${columnList([chargerSmartCharging.chargerId])}) do update set ${fromExcluded(Object.values(LIMIT_FIELDS))}, ${assignments(chargerSmartCharging, { readAt: sql`now()` })}
    returning ${LIMIT_COLUMNS})
  select (select ${circuitChargers.circuitId} from ${circuitChargers}, run where ${circuitChargers.chargerId} = run.charger_id
      and exists (select from limits where not exists (select from before where (${LIMIT_COLUMNS}) is not distinct from (${sql.join(Object.values(LIMIT_FIELDS).map((column) => sql`limits.${columnList([column])}`), sql`, `)})))) as circuit_id,
    (${chargerEventsOf(sql`run`, 'provisioning')}) as notified`);

export async function recordProvisioning(db: Database, ref: ChargerRef, { results, featureProfiles = null, configurationKeys = null, smartCharging = null }: ProvisioningRun): Promise<ProvisioningRecorded> {
  const record: RunRecord = { ...ref, results };
  if (featureProfiles !== null) {
    const isSupported = featureProfiles.split(',').map((profile) => profile.trim()).includes(RESERVATION_PROFILE);
    record.reservation = { isSupported, evidence: 'SupportedFeatureProfiles' };
  }
  if (configurationKeys !== null) {
    // The whitepaper's SecurityProfile key is there or it is not.
    const isSupported = configurationKeys.includes(SECURITY_PROFILE_KEY);
    record.security = { isSupported, evidence: isSupported ? SECURITY_PROFILE_KEY : `no ${SECURITY_PROFILE_KEY}` };
  }
  if (smartCharging) record.limits = smartCharging;
  const [row] = await recordRun<{ circuit_id: string | null }>(db, { run: jsonbSafe(JSON.stringify(record)) });
  return { replanCircuitId: row?.circuit_id ?? null };
}
