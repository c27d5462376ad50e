import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { meterValues, tariffs, transactions, type NewTariff } from '@/db/schema';

type TariffInput = { accountId: string; chargerId?: string | null; pricePerKwh: string | null; currency?: string | null; validFrom: Date };

export async function addTariff(db: Executor, { currency = 'EUR', ...input }: TariffInput) {
  const values: NewTariff = { ...input, currency: input.pricePerKwh === null ? null : currency };
  const [row] = await db.insert(tariffs).values(values).returning();
  return row!;
}

type SessionInput = {
  chargerId: string;
  connectorId?: number;
  userId?: string | null;
  cardId?: string | null;
  idTag?: string;
  startedAt: Date;
  minutes: number;
  energyWh: number | null;
  cost?: string | null;
  currency?: string | null;
};

// A finished (or, with energyWh null, running) session with one Energy and one Power sample per minute.
export async function addSession(db: Executor, input: SessionInput) {
  const stoppedAt = input.energyWh === null ? null : new Date(input.startedAt.getTime() + input.minutes * 60_000);
  const [row] = await db
    .insert(transactions)
    .values({
      chargerId: input.chargerId,
      accountId: sql`(select account_id from chargers where id = ${input.chargerId})`,
      connectorId: input.connectorId ?? 1,
      userId: input.userId ?? null,
      cardId: input.cardId ?? null,
      idTag: input.idTag ?? 'TAG',
      authorizationStatus: 'Accepted',
      meterStartWh: 1000,
      meterStopWh: input.energyWh === null ? null : 1000 + input.energyWh,
      startedAt: input.startedAt,
      stoppedAt,
      stopReason: stoppedAt ? 'Local' : null,
      energyWh: input.energyWh,
      cost: input.cost ?? null,
      currency: input.currency ?? null,
    })
    .returning();
  return row!;
}

type SamplesInput = { transactionId: number; chargerId: string; startedAt: Date; energiesWh: number[]; powerW: number };

export async function addSamples(db: Executor, { transactionId, chargerId, startedAt, energiesWh, powerW }: SamplesInput) {
  const rows = energiesWh.flatMap((energyWh, minute) => {
    const sampledAt = new Date(startedAt.getTime() + (minute + 1) * 60_000);
    const base = { transactionId, chargerId, connectorId: 1, sampledAt, context: 'Sample.Periodic', location: null, phase: null };
    return [
      { ...base, measurand: 'Energy.Active.Import.Register', unit: 'Wh', value: String(1000 + energyWh), numericValue: 1000 + energyWh },
      { ...base, measurand: 'Power.Active.Import', unit: 'W', value: String(powerW), numericValue: powerW },
    ];
  });
  if (rows.length > 0) await db.insert(meterValues).values(rows);
}
