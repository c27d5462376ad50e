import { eq, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { sessionCostLines as costLinesTable } from '../../db/schema';
import type { TimeOfUsePeriod } from '../../db/schema/tariffs';
import { sessionCostLines } from '../prices/cost-lines';
import type { PriceVersion } from '../prices/price-timeline';
import type { EnergyReading } from '../prices/session-energy';
import type { MeterSample } from './charger-traffic/meter-values';

export const ENERGY_REGISTER = 'Energy.Active.Import.Register';

export type VersionRow = { layer: 'card' | 'user' | 'charger' | 'account'; kind: string; price: string | null; periods: TimeOfUsePeriod[] | null; currency: string | null; from: number };

export type PricingRow = {
  account_id: string;
  started_ms: number;
  meter_start_wh: number;
  time_zone: string;
  versions: VersionRow[];
  day_ahead: [number, string][];
  readings: [number, number][];
};

// The price sources, the first that holds a price at a moment being the one billed: the card's own, the member's,
// the charger's tariff, the account's.
const LAYERS = ['card', 'user', 'charger', 'account'] as const;

export function versionLayers(versions: VersionRow[]): PriceVersion[][] {
  return LAYERS.map((layer) => versions.filter((version) => version.layer === layer).map(toVersion));
}

// Numeric json values come back as numbers; prices are kept as the exact text PostgreSQL wrote.
const priceText = (column: string) => sql.raw(`${column}::text`);

// Everything pricing a closing session needs, as select columns over its row `t` (transactions) and its account's `a`,
// for a stop at `stop` (an SQL timestamp): the versions of every price source that were in force at some moment of it
// (the last one before its start and every later one up to its stop), the day-ahead hours it overlaps, and its energy
// register readings (Wh; a kWh reading scaled). One session's (loadPricing) or each of many stops' (stop-reads.ts).
export function pricingColumns(stop: SQL) {
  const inWindow = (table: string, sameTarget: string) =>
    sql.raw(`${table}.valid_from <= `).append(stop).append(
      sql.raw(` and (${table}.valid_from > t.started_at or ${table}.id = (select q.id from ${table === 'p' ? 'personal_prices' : 'tariffs'} q
        where q.account_id = t.account_id and ${sameTarget} and q.valid_from <= t.started_at order by q.valid_from desc, q.id desc limit 1))`),
    );
  return sql`t.account_id, extract(epoch from t.started_at) * 1000 as started_ms, t.meter_start_wh, a.time_zone,
      (select coalesce(json_agg(pv order by pv.from), '[]') from (
        select case when r.charger_id is null then 'account' else 'charger' end as layer, r.kind::text as kind, ${priceText('r.price_per_kwh')} as price,
          r.periods, r.currency, extract(epoch from r.valid_from) * 1000 as from
        from tariffs r
        where r.account_id = t.account_id and (r.charger_id is null or r.charger_id = t.charger_id)
          and ${inWindow('r', 'q.charger_id is not distinct from r.charger_id')}
        union all
        select case when p.card_id is null then 'user' else 'card' end, 'personal', ${priceText('p.price_per_kwh')}, null, p.currency,
          extract(epoch from p.valid_from) * 1000
        from personal_prices p
        where p.account_id = t.account_id and (p.user_id = t.user_id or p.card_id = t.card_id)
          and ${inWindow('p', 'q.user_id is not distinct from p.user_id and q.card_id is not distinct from p.card_id')}
      ) pv) as versions,
      (select coalesce(json_agg(json_build_array(extract(epoch from d.starts_at) * 1000, ${priceText('d.price_per_kwh')})), '[]')
        from day_ahead_prices d
        where d.account_id = t.account_id and d.starts_at > t.started_at - interval '1 hour' and d.starts_at < ${stop}) as day_ahead,
      (select coalesce(json_agg(json_build_array(extract(epoch from m.sampled_at) * 1000, m.numeric_value * case when m.unit = 'kWh' then 1000 else 1 end)), '[]')
        from meter_values m
        where m.transaction_id = t.id and m.measurand = ${ENERGY_REGISTER} and m.phase is null
          and (m.location is null or m.location = 'Outlet') and m.numeric_value is not null) as readings`;
}

function loadPricing(db: Executor, transactionId: number, stoppedAt: Date) {
  return db.execute<PricingRow>(sql`
    select ${pricingColumns(sql`${stoppedAt.toISOString()}::timestamptz`)}
    from transactions t
    join accounts a on a.id = t.account_id
    where t.id = ${transactionId}`);
}

// Whether a reading is one pricing reads (as pricingColumns picks them), and its energy in Wh.
export function pricedReading(sample: MeterSample): EnergyReading | null {
  const isPriced = sample.measurand === ENERGY_REGISTER && sample.phase === null && (sample.location === null || sample.location === 'Outlet') && sample.numericValue !== null;
  return isPriced ? { at: sample.sampledAt, wh: sample.numericValue! * (sample.unit === 'kWh' ? 1000 : 1) } : null;
}

function toVersion(row: Pick<VersionRow, 'kind' | 'price' | 'periods' | 'currency' | 'from'>): PriceVersion {
  const validFrom = new Date(Number(row.from));
  if (row.currency === null) return { validFrom, kind: 'ended' };
  if (row.kind === 'timeOfUse') return { validFrom, kind: 'timeOfUse', periods: row.periods ?? [], currency: row.currency };
  const kind = row.kind === 'dayAhead' ? 'dayAhead' : row.kind === 'personal' ? 'personal' : 'fixed';
  return { validFrom, kind, pricePerKwh: row.price!, currency: row.currency };
}

export type SessionPricing = ReturnType<typeof priceFrom>;

// The cost lines of a session closing with this meter stop at this moment, from the prices in force at each
// moment of it (domain/prices). Nothing is written: see writeCostLines.
export async function priceClosingSession(db: Executor, { transactionId, meterStopWh, stoppedAt }: { transactionId: number; meterStopWh: number; stoppedAt: Date }) {
  const [row] = await loadPricing(db, transactionId, stoppedAt);
  if (!row) throw new Error(`No session ${transactionId} to price`);
  return priceFrom(row, { meterStopWh, stoppedAt });
}

// The same from what pricingColumns read, with `moreReadings` beside the stored ones (a stop's own, not yet stored).
export function priceFrom(row: PricingRow, { meterStopWh, stoppedAt }: { meterStopWh: number; stoppedAt: Date }, moreReadings: EnergyReading[] = []) {
  const startedAt = new Date(Number(row.started_ms));
  const sources = {
    timeZone: row.time_zone,
    layers: versionLayers(row.versions),
    dayAheadHours: new Map(row.day_ahead.map(([ms, price]) => [Math.round(Number(ms)), price] as const)),
  };
  const stored = row.readings.map(([ms, wh]) => ({ at: new Date(Number(ms)), wh: Number(wh) }));
  const meter = {
    start: { at: startedAt, wh: Number(row.meter_start_wh) },
    stop: { at: stoppedAt < startedAt ? startedAt : stoppedAt, wh: meterStopWh },
    readings: moreReadings.length === 0 ? stored : [...stored, ...moreReadings],
  };
  return { accountId: row.account_id, ...sessionCostLines(sources, meter) };
}

// A session's lines are written once, when it closes; only the charger's own stop replacing a session a member
// closed by hand (`replace`) writes them again. A later price change never does.
export async function writeCostLines(db: Executor, transactionId: number, pricing: SessionPricing, { replace = false } = {}) {
  if (replace) await db.delete(costLinesTable).where(eq(costLinesTable.transactionId, transactionId));
  await db.insert(costLinesTable).values(pricing.lines.map((line) => ({ ...line, transactionId, accountId: pricing.accountId })));
}
