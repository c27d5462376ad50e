import { and, asc, eq, gt, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { accounts, dayAheadPrices, personalPrices, tariffs } from '../../db/schema';
import type { PriceSources } from '../prices/price-timeline';
import { versionLayers, type VersionRow } from './session-pricing';

type Holder = { accountId: string; chargerId: string; userId: string | null; cardId: string | null };

const HOUR_MS = 3_600_000;

// The price sources a session of this card and member on this charger is billed from, over [from, to]: every
// version valid by `to` (the earlier ones only decide where the first span starts), and the day-ahead hours imported.
export async function loadPlanPriceSources(db: Executor, { accountId, chargerId, userId, cardId, from, to }: Holder & { from: Date; to: Date }): Promise<PriceSources> {
  const [account] = await db.select({ timeZone: accounts.timeZone }).from(accounts).where(eq(accounts.id, accountId));
  const tariffRows = await db
    .select({ chargerId: tariffs.chargerId, kind: tariffs.kind, price: tariffs.pricePerKwh, periods: tariffs.periods, currency: tariffs.currency, validFrom: tariffs.validFrom })
    .from(tariffs)
    .where(and(eq(tariffs.accountId, accountId), or(isNull(tariffs.chargerId), eq(tariffs.chargerId, chargerId)), lte(tariffs.validFrom, to)))
    .orderBy(asc(tariffs.validFrom), asc(tariffs.id));
  const holders = [userId ? eq(personalPrices.userId, userId) : undefined, cardId ? eq(personalPrices.cardId, cardId) : undefined].filter((each) => each !== undefined);
  const personalRows =
    holders.length === 0
      ? []
      : await db
          .select({ cardId: personalPrices.cardId, price: personalPrices.pricePerKwh, currency: personalPrices.currency, validFrom: personalPrices.validFrom })
          .from(personalPrices)
          .where(and(eq(personalPrices.accountId, accountId), or(...holders), lte(personalPrices.validFrom, to)))
          .orderBy(asc(personalPrices.validFrom), asc(personalPrices.id));
  const hours = await db
    .select({ startsAt: dayAheadPrices.startsAt, price: sql<string>`${dayAheadPrices.pricePerKwh}::text` })
    .from(dayAheadPrices)
    .where(and(eq(dayAheadPrices.accountId, accountId), gt(dayAheadPrices.startsAt, new Date(from.getTime() - HOUR_MS)), lt(dayAheadPrices.startsAt, to)));
  const versions: VersionRow[] = [
    ...personalRows.map((row) => ({ layer: row.cardId === null ? ('user' as const) : ('card' as const), kind: 'personal', price: row.price, periods: null, currency: row.currency, from: row.validFrom.getTime() })),
    ...tariffRows.map((row) => ({ layer: row.chargerId === null ? ('account' as const) : ('charger' as const), kind: row.kind, price: row.price, periods: row.periods, currency: row.currency, from: row.validFrom.getTime() })),
  ];
  return {
    timeZone: account?.timeZone ?? 'UTC',
    layers: versionLayers(versions),
    dayAheadHours: new Map(hours.map((hour) => [hour.startsAt.getTime(), hour.price])),
  };
}
