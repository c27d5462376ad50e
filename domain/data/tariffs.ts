import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { chargers, tariffs, type PriceKind, type TimeOfUsePeriod } from '../../db/schema';
import { hasCharger } from './chargers';
import { done, failure, type Result } from './result';

type Scope = { accountId: string };

const current = {
  id: tariffs.id,
  chargerId: tariffs.chargerId,
  kind: tariffs.kind,
  pricePerKwh: tariffs.pricePerKwh,
  periods: tariffs.periods,
  currency: tariffs.currency,
  validFrom: tariffs.validFrom,
};

export type CurrentPrice = { kind: PriceKind; pricePerKwh: string | null; periods: TimeOfUsePeriod[] | null; currency: string; validFrom: Date };

// The latest row per target (account, or one charger) that has taken effect; a row without a currency means none.
export async function listCurrentTariffs(db: Executor, { accountId }: Scope) {
  const rows = await db
    .selectDistinctOn([tariffs.chargerId], current)
    .from(tariffs)
    .where(and(eq(tariffs.accountId, accountId), sql`${tariffs.validFrom} <= now()`))
    .orderBy(tariffs.chargerId, desc(tariffs.validFrom), desc(tariffs.id));
  const priced = rows.flatMap(({ currency, ...row }) => (currency !== null ? [{ ...row, currency }] : []));
  return {
    account: priced.find((row) => row.chargerId === null) ?? null,
    chargers: new Map(priced.flatMap((row) => (row.chargerId ? [[row.chargerId, row] as const] : []))),
  };
}

export async function listTariffChargers(db: Executor, { accountId }: Scope) {
  return db
    .select({ id: chargers.id, name: chargers.name })
    .from(chargers)
    .where(and(eq(chargers.accountId, accountId), isNull(chargers.deletedAt)))
    .orderBy(asc(chargers.name));
}

type SetTariffInput = Scope & {
  chargerId: string | null;
  kind?: PriceKind;
  pricePerKwh: string | null;
  periods?: TimeOfUsePeriod[] | null;
  currency: string | null;
  createdBy: string;
};

// Appends, never updates: closed sessions keep their cost lines. A time-of-use price keeps its prices in its
// periods; a fixed one without a price ends the target's price. A charger target must be one of the account's
// chargers, else nothing is written.
export async function setTariff(db: Executor, { accountId, chargerId, kind = 'fixed', pricePerKwh, periods = null, currency, createdBy }: SetTariffInput): Promise<Result<null, 'notFound'>> {
  if (chargerId && !(await hasCharger(db, { accountId, chargerId }))) return failure('notFound');
  const isPriced = kind === 'timeOfUse' ? periods !== null : pricePerKwh !== null;
  await db.insert(tariffs).values({
    accountId,
    chargerId,
    kind,
    pricePerKwh: kind === 'timeOfUse' ? null : pricePerKwh,
    periods: kind === 'timeOfUse' ? periods : null,
    currency: isPriced ? currency : null,
    createdBy,
  });
  return done;
}
