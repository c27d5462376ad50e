import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';

export const CURRENCIES = ['EUR', 'USD', 'GBP', 'SEK', 'NOK', 'DKK', 'PLN', 'CHF'] as const;
export type Currency = (typeof CURRENCIES)[number];

export type TariffInForce = {
  tariffId: number;
  pricePerKwh: string;
  currency: string;
  source: 'charger' | 'account';
  validFrom: Date;
};

type TariffRow = {
  id: string | number;
  price_per_kwh: string | null;
  currency: string | null;
  charger_id: string | null;
  valid_from: Date | string;
};

// The latest row up to `at` for the charger and for its account; a charger row without a price
// (override removed) falls through to the account's.
export async function getTariffInForce(
  db: Executor,
  { chargerId, at }: { chargerId: string; at?: Date },
): Promise<TariffInForce | null> {
  // postgres.js cannot bind a Date through drizzle's raw sql; an ISO string cast is exact. "Now" is
  // the database's clock, the one valid_from was written with (a JS Date would drop its microseconds
  // and miss a tariff saved in the same millisecond).
  const moment = at ? sql`${at.toISOString()}::timestamptz` : sql`now()`;
  const rows = await db.execute<TariffRow>(sql`
    select t.id, t.price_per_kwh, t.currency, t.charger_id, t.valid_from
    from chargers c
    cross join lateral (
      (select * from tariffs where account_id = c.account_id and charger_id = c.id and valid_from <= ${moment}
        order by valid_from desc, id desc limit 1)
      union all
      (select * from tariffs where account_id = c.account_id and charger_id is null and valid_from <= ${moment}
        order by valid_from desc, id desc limit 1)
    ) t
    where c.id = ${chargerId} and t.price_per_kwh is not null
    order by t.charger_id is null
    limit 1`);
  const row = rows[0];
  if (!row || row.price_per_kwh === null || row.currency === null) return null;
  return {
    tariffId: Number(row.id),
    pricePerKwh: row.price_per_kwh,
    currency: row.currency,
    source: row.charger_id ? 'charger' : 'account',
    validFrom: new Date(row.valid_from),
  };
}

const PRICE_SCALE = 4;

function toScaledInteger(decimal: string, scale: number) {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(decimal.trim());
  if (!match) throw new Error(`Not a non-negative decimal: ${decimal}`);
  const fraction = (match[2] ?? '').padEnd(scale, '0').slice(0, scale);
  return BigInt(match[1]!) * 10n ** BigInt(scale) + BigInt(fraction || '0');
}

// Exact decimal arithmetic: floats would drift on sums of many sessions. Rounded half-up to the
// currency's minor unit; every currency offered has two decimals.
export function computeCost(energyWh: number, pricePerKwh: string): string {
  const wh = BigInt(Math.max(0, Math.round(energyWh)));
  const exact = wh * toScaledInteger(pricePerKwh, PRICE_SCALE);
  const divisor = 10n ** BigInt(3 + PRICE_SCALE - 2);
  const cents = (exact + divisor / 2n) / divisor;
  return `${cents / 100n}.${(cents % 100n).toString().padStart(2, '0')}`;
}
