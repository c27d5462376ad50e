import 'server-only';
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { chargers, tariffs } from '@/db/schema';
import { db } from '@/lib/db';

type Scope = { accountId: string };

const current = {
  id: tariffs.id,
  chargerId: tariffs.chargerId,
  pricePerKwh: tariffs.pricePerKwh,
  currency: tariffs.currency,
  validFrom: tariffs.validFrom,
};

// The latest row per target (account, or one charger) that has taken effect; a priceless row means none.
export async function listCurrentTariffs({ accountId }: Scope) {
  const rows = await db()
    .selectDistinctOn([tariffs.chargerId], current)
    .from(tariffs)
    .where(and(eq(tariffs.accountId, accountId), sql`${tariffs.validFrom} <= now()`))
    .orderBy(tariffs.chargerId, desc(tariffs.validFrom), desc(tariffs.id));
  const priced = rows.flatMap(({ pricePerKwh, currency, ...row }) => (pricePerKwh !== null && currency !== null ? [{ ...row, pricePerKwh, currency }] : []));
  return {
    account: priced.find((row) => row.chargerId === null) ?? null,
    chargers: new Map(priced.flatMap((row) => (row.chargerId ? [[row.chargerId, row] as const] : []))),
  };
}

export async function listTariffChargers({ accountId }: Scope) {
  return db()
    .select({ id: chargers.id, name: chargers.name })
    .from(chargers)
    .where(and(eq(chargers.accountId, accountId), isNull(chargers.deletedAt)))
    .orderBy(asc(chargers.name));
}

type SetTariffInput = Scope & { chargerId: string | null; pricePerKwh: string | null; currency: string | null; createdBy: string };

// Appends, never updates: sessions already priced keep the price they stopped under.
// A charger target must be one of the account's chargers, else nothing is written.
export async function setTariff({ accountId, chargerId, pricePerKwh, currency, createdBy }: SetTariffInput) {
  if (chargerId) {
    const [charger] = await db()
      .select({ id: chargers.id })
      .from(chargers)
      .where(and(eq(chargers.id, chargerId), eq(chargers.accountId, accountId), isNull(chargers.deletedAt)));
    if (!charger) return false;
  }
  await db().insert(tariffs).values({ accountId, chargerId, pricePerKwh, currency: pricePerKwh === null ? null : currency, createdBy });
  return true;
}
