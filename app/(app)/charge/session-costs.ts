import 'server-only';
import type { Executor } from '@/db/client';
import { computeCost } from '@/domain/charging/tariff';
import type { MySession } from '@/domain/data/my-sessions';
import { getTariffInForce } from '@/domain/data/tariffs';
import { sessionEnergyWh } from '@/lib/charge/session-energy';

type Cost = { amount: number; currency: string } | null;

// A finished session shows the cost stored when it stopped; a running one, its energy so far at the
// tariff in force now. No tariff set: no cost shown.
export async function sessionCosts(db: Executor, sessions: MySession[]): Promise<(session: MySession) => Cost> {
  const running = sessions.filter((session) => !session.stoppedAt);
  const chargerIds = [...new Set(running.map((session) => session.chargerId))];
  const tariffs = new Map(await Promise.all(chargerIds.map(async (id) => [id, await getTariffInForce(db, { chargerId: id })] as const)));
  return (session) => {
    if (session.stoppedAt) return session.cost !== null && session.currency ? { amount: Number(session.cost), currency: session.currency } : null;
    const tariff = tariffs.get(session.chargerId);
    return tariff ? { amount: Number(computeCost(sessionEnergyWh(session), tariff.pricePerKwh)), currency: tariff.currency } : null;
  };
}
