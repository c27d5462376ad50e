import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { chargingPlans, memberships, sessionCostLines, transactions } from '../../../db/schema';
import { localListsChangedCtes } from '../local-lists';
import { sessionFinishedInsert } from '../notification-queue';
import type { SessionPricing } from '../session-pricing';
import { touchCards } from './cards';
import type { ChargerRef } from './chargers';
import { assignments, columnList } from './columns';
import { stopSamplesInsert, stopSamplesJson, type MeterSample } from './meter-values';
import { preparedStatement } from './prepared';
import { chargerEventsOf, recordField, recordsetFrom, recordsJson } from './recordset';

// A stop of a session found open, priced from what readStops read (stop-reads.ts): its figures, its cost lines, the
// card it named (touched) and the readings of its transactionData (stored).
export type StopClose = {
  ref: ChargerRef;
  transactionId: number;
  connectorId: number;
  closing: { meterStopWh: number; stoppedAt: Date; reason: string; idTag: string | null };
  pricing: SessionPricing;
  cardId: string | null;
  samples: MeterSample[];
};

const STOP_FIELDS = {
  transaction_id: transactions.id,
  charger_id: transactions.chargerId,
  meter_stop_wh: transactions.meterStopWh,
  stopped_at: transactions.stoppedAt,
  stop_reason: transactions.stopReason,
  stop_id_tag: transactions.stopIdTag,
  energy_wh: transactions.energyWh,
  cost: transactions.cost,
  currency: transactions.currency,
  price_per_kwh: transactions.pricePerKwh,
  card_id: transactions.cardId,
};
const stopRecords = recordsetFrom(STOP_FIELDS);
const LINE_FIELDS = {
  transaction_id: sessionCostLines.transactionId,
  account_id: sessionCostLines.accountId,
  starts_at: sessionCostLines.startsAt,
  ends_at: sessionCostLines.endsAt,
  energy_wh: sessionCostLines.energyWh,
  price_per_kwh: sessionCostLines.pricePerKwh,
  currency: sessionCostLines.currency,
  cost: sessionCostLines.cost,
  basis: sessionCostLines.basis,
};
const lineRecords = recordsetFrom(LINE_FIELDS);
const isClosed = (transactionId: SQL) => sql`exists (select 1 from closed c where c.id = ${transactionId})`;

function recordOf({ ref, transactionId, closing, pricing, cardId }: StopClose) {
  return {
    transaction_id: transactionId,
    charger_id: ref.chargerId,
    meter_stop_wh: closing.meterStopWh,
    stopped_at: closing.stoppedAt,
    stop_reason: closing.reason,
    stop_id_tag: closing.idTag,
    energy_wh: pricing.energyWh,
    cost: pricing.cost,
    currency: pricing.currency,
    price_per_kwh: pricing.pricePerKwh,
    card_id: cardId,
  };
}

const linesOf = ({ transactionId, pricing }: StopClose) =>
  pricing.lines.map((line) => ({
    transaction_id: transactionId,
    account_id: pricing.accountId,
    starts_at: line.startsAt,
    ends_at: line.endsAt,
    energy_wh: line.energyWh,
    price_per_kwh: line.pricePerKwh,
    currency: line.currency,
    cost: line.cost,
    basis: line.basis,
  }));

const set = assignments(transactions, {
  meterStopWh: recordField('meter_stop_wh'),
  stoppedAt: recordField('stopped_at'),
  stopReason: recordField('stop_reason'),
  stopIdTag: recordField('stop_id_tag'),
  energyWh: recordField('energy_wh'),
  cost: recordField('cost'),
  currency: recordField('currency'),
  pricePerKwh: recordField('price_per_kwh'),
});

// Its text is the same for every batch (the stops, lines and samples are jsonb parameters, the cards' time of use a
// text one): compiled and prepared once. The two selects of NOTIFYs run only because the result reads them.
const closeStatement = preparedStatement(['stops', 'lines', 'samples', 'usedAt'], ({ stops, lines, samples, usedAt }) => {
  const ctes = [
    sql`input as (select * from ${stopRecords(stops)})`,
    // Locked in id order first: two batches in flight holding stops of the same sessions (a resend) would otherwise
    // lock them in their own input orders and could deadlock, failing every charger of one batch.
    sql`locked as (select ${transactions.id} from ${transactions} where ${transactions.id} in (select transaction_id from input)
      and ${transactions.stoppedAt} is null order by ${transactions.id} for no key update)`,
    sql`closed as (update ${transactions} set ${set} from input v
      where ${transactions.id} = v.transaction_id and ${transactions.chargerId} = v.charger_id and ${transactions.stoppedAt} is null
        and ${transactions.id} in (select id from locked)
      returning ${transactions.id}, ${transactions.userId}, ${transactions.accountId}, ${transactions.chargerId}, ${transactions.energyWh},
        ${transactions.startedAt}, ${transactions.stoppedAt}, ${transactions.cost}, ${transactions.currency})`,
    sql`sampled as (${stopSamplesInsert(samples, isClosed(recordField('transaction_id')))})`,
    sql`lined as (insert into ${sessionCostLines} (${columnList(Object.values(LINE_FIELDS))})
      select v.* from ${lineRecords(lines)} where ${isClosed(recordField('transaction_id'))})`,
    sql`finished as (${sessionFinishedInsert(sql`closed`)})`,
    sql`capped as (select c.account_id, count(*)::int as count from closed c
      join ${memberships} m on m.account_id = c.account_id and m.user_id = c.user_id and m.energy_cap_wh is not null group by c.account_id)`,
    ...localListsChangedCtes(sql`capped`),
    sql`planless as (delete from ${chargingPlans} where ${chargingPlans.transactionId} in (select id from closed))`,
    sql`touched as (${touchCards(
      { chargerId: recordField('charger_id'), cardId: recordField('card_id') },
      {
        from: sql`(select distinct on (i.card_id) i.charger_id, i.card_id from input i join closed c on c.id = i.transaction_id where i.card_id is not null order by i.card_id) v`,
        usedAt,
      },
    )})`,
    sql`notified as (${chargerEventsOf(sql`closed`, 'transaction-stopped')})`,
  ];
  return sql`
    with ${sql.join(ctes, sql`, `)}
    select c.id, (select count(*) from notified) as notified, (select count(*) from listed) as listed from closed c`;
});

// The common stop's every write, for many chargers' stops in one statement and no transaction: the session's
// figures, only while it is still open (a start that superseded it, or a member's hand-close, may have closed it
// since it was read), and only then its stop readings, its cost lines, its user's "finished" notification, the
// local lists of its account if its user's energy is capped (transactions.ts, refreshListsIfCapped), its plan
// dropped, its card touched and its charger's NOTIFY. Whether each stop closed its session is in `closes` order; a
// second stop of one session in the batch closes nothing here (it must see the first one's close).
export async function closeStoppedSessions(db: Database, closes: StopClose[]): Promise<boolean[]> {
  const firsts = new Map<number, StopClose>();
  for (const close of closes) if (!firsts.has(close.transactionId)) firsts.set(close.transactionId, close);
  const stops = [...firsts.values()];
  const samples = stops.map(({ ref, connectorId, transactionId, samples }) => ({ target: { chargerId: ref.chargerId, connectorId, transactionId }, samples }));
  const rows = await closeStatement<{ id: number }>(db, {
    stops: recordsJson<typeof STOP_FIELDS>(stops.map(recordOf)),
    lines: recordsJson<typeof LINE_FIELDS>(stops.flatMap(linesOf)),
    samples: stopSamplesJson(samples),
    usedAt: new Date().toISOString(),
  });
  const closed = new Set(rows.map((row) => Number(row.id)));
  return closes.map((close) => firsts.get(close.transactionId) === close && closed.has(close.transactionId));
}

// One stop, as the statement of a batch of one.
export async function closeStoppedSession(db: Database, close: StopClose) {
  const [closed] = await closeStoppedSessions(db, [close]);
  return closed!;
}
