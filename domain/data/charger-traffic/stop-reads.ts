import { sql } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { meterValues, transactions } from '../../../db/schema';
import { cardByIdTagQuery, type CardForAuthorization } from '../cards';
import { ENERGY_REGISTER, pricedReading, pricingColumns, type PricingRow } from '../session-pricing';
import type { ChargerRef } from './chargers';
import type { MeterSample } from './meter-values';
import type { EnergyReading } from '../../prices/session-energy';
import { preparedStatement } from './prepared';
import { recordField, recordsetFrom, recordsJson } from './recordset';

// A StopTransaction as its batched read sees it: the session it names, when, with what tag and readings.
export type StopRead = { ref: ChargerRef; transactionId: number; stoppedAt: Date; idTag: string | null; samples: MeterSample[] };

// The session (null: none of this charger's has the id), whether it is still open, what pricing it needs, and the
// stop's card (authorizeCard's lookup at the session's connector, so that the session being stopped is not "another"
// one; as at an Authorize there, a member no longer allowed this charger is not Accepted). `moreReadings`: the stop's own energy readings that storing them would link to the session, i.e. all but
// those already stored linked to a session (this one's are in the pricing row's readings already, another's stay
// that other's; meter-values.ts).
export type StopFound = {
  session: { connectorId: number; isRemoteStarted: boolean; isOpen: boolean } | null;
  pricing: PricingRow | null;
  card: CardForAuthorization | null;
  moreReadings: EnergyReading[];
};

const STOP_FIELDS = {
  // The stop's place in the batch (an integer, typed as one).
  position: transactions.connectorId,
  transaction_id: transactions.id,
  charger_id: transactions.chargerId,
  account_id: transactions.accountId,
  stopped_at: transactions.stoppedAt,
  id_tag: transactions.idTag,
};
// Each priced reading of a stop, by the columns of meter_values_sample_key its session does not already fix.
const SAMPLE_FIELDS = {
  position: transactions.connectorId,
  sample: transactions.connectorId,
  sampled_at: meterValues.sampledAt,
  location: meterValues.location,
  context: meterValues.context,
  unit: meterValues.unit,
  value: meterValues.value,
};
const stopRecords = recordsetFrom(STOP_FIELDS);
const sampleRecords = recordsetFrom(SAMPLE_FIELDS);

function pricedReadings(samples: MeterSample[]) {
  return samples.flatMap((sample) => {
    const reading = pricedReading(sample);
    return reading ? [{ sample, reading }] : [];
  });
}

type Row = PricingRow & {
  position: number;
  connector_id: number;
  is_remote_started: boolean;
  is_open: boolean;
  taken: number[];
  card_id: string | null;
  card_account_id: string;
  card_kind: CardForAuthorization['kind'];
  card_status: CardForAuthorization['status'];
  card_user_id: string | null;
  card_expires_at: string | null;
  card_member_user_id: string | null;
  card_is_in_other_session: boolean;
};

function cardOf(row: Row): CardForAuthorization | null {
  if (row.card_id === null) return null;
  return {
    id: row.card_id,
    accountId: row.card_account_id,
    kind: row.card_kind,
    status: row.card_status,
    userId: row.card_user_id,
    expiresAt: row.card_expires_at === null ? null : new Date(row.card_expires_at),
    memberUserId: row.card_member_user_id,
    isInOtherSession: row.card_is_in_other_session,
  };
}

// Its text is the same for every batch (the stops and their readings are its two parameters): compiled once.
const readStatement = preparedStatement(['stops', 'samples'], ({ stops, samples }, db) => {
  const place = { chargerId: recordField('charger_id'), connectorId: sql`t.connector_id` };
  const card = cardByIdTagQuery(db, { accountId: recordField('account_id'), idTag: recordField('id_tag'), place });
  return sql`
    with input as (select * from ${stopRecords(stops)}),
    samples as (select * from ${sampleRecords(samples)}),
    taken as (select s.position, s.sample from samples s
      join input v on v.position = s.position
      join ${transactions} t on t.id = v.transaction_id and t.charger_id = v.charger_id
      where exists (select 1 from ${meterValues} m where m.charger_id = t.charger_id and m.sampled_at = s.sampled_at
        and m.connector_id = t.connector_id and m.measurand = ${ENERGY_REGISTER} and m.phase is null
        and m.location is not distinct from s.location and m.context is not distinct from s.context
        and m.unit is not distinct from s.unit and m.value = s.value and m.transaction_id is not null))
    select v.position, t.connector_id, t.is_remote_started, t.stopped_at is null as is_open, ${pricingColumns(recordField('stopped_at'))},
      (select coalesce(json_agg(k.sample), '[]') from taken k where k.position = v.position) as taken,
      card.id as card_id, card.account_id as card_account_id, card.kind as card_kind, card.status as card_status,
      card.user_id as card_user_id, card.expires_at as card_expires_at, card.member_user_id as card_member_user_id,
      card.is_in_other_session as card_is_in_other_session
    from input v
    join ${transactions} t on t.id = v.transaction_id and t.charger_id = v.charger_id
    join accounts a on a.id = t.account_id
    left join lateral (${card}) card on true`;
});

// Every StopTransaction first reads all this, for many chargers' stops in one statement (the charger server groups
// them, batched.ts). The answers are in `stops` order.
export async function readStops(db: Database, stops: StopRead[]): Promise<StopFound[]> {
  const priced = stops.map(({ samples }) => pricedReadings(samples));
  const records = stops.map(({ ref, transactionId, stoppedAt, idTag }, position) => ({
    position,
    transaction_id: transactionId,
    charger_id: ref.chargerId,
    account_id: ref.accountId,
    stopped_at: stoppedAt,
    // No tag: no card (typed as the column, which is never null in a session).
    id_tag: idTag as string,
  }));
  const samples = priced.flatMap((readings, position) =>
    readings.map(({ sample }, index) => ({ position, sample: index, sampled_at: sample.sampledAt, location: sample.location, context: sample.context, unit: sample.unit, value: sample.value })),
  );
  const rows = await readStatement<Row>(db, { stops: recordsJson<typeof STOP_FIELDS>(records), samples: recordsJson<typeof SAMPLE_FIELDS>(samples) });
  const found: StopFound[] = stops.map(() => ({ session: null, pricing: null, card: null, moreReadings: [] }));
  for (const row of rows) {
    const taken = new Set(row.taken);
    found[row.position] = {
      session: { connectorId: row.connector_id, isRemoteStarted: row.is_remote_started, isOpen: row.is_open },
      pricing: row,
      card: cardOf(row),
      moreReadings: priced[row.position]!.filter((_, index) => !taken.has(index)).map(({ reading }) => reading),
    };
  }
  return found;
}

// One stop, as the statement of a batch of one.
export async function readStop(db: Database, stop: StopRead) {
  const [found] = await readStops(db, [stop]);
  return found!;
}
