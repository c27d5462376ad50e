import 'server-only';
import type { Executor } from '@/db/client';
import type { MySession } from '@/domain/data/my-sessions';
import { priceClosingSession } from '@/domain/data/session-pricing';
import { sessionEnergyWh } from '@/lib/charge/session-energy';

type Cost = { amount: number; currency: string } | null;

// A finished session shows the cost stored when it stopped; a running one, its cost so far as if it stopped now
// (priced the same way, over its readings, at the prices in force at each moment). No price in force: no cost shown.
export async function sessionCosts(db: Executor, sessions: MySession[]): Promise<(session: MySession) => Cost> {
  const now = new Date();
  const running = sessions.filter((session) => !session.stoppedAt);
  const soFar = new Map(
    await Promise.all(
      running.map(async (session) => {
        const pricing = await priceClosingSession(db, { transactionId: session.id, meterStopWh: session.meterStartWh + sessionEnergyWh(session), stoppedAt: now });
        return [session.id, pricing.cost !== null && pricing.currency ? { amount: Number(pricing.cost), currency: pricing.currency } : null] as const;
      }),
    ),
  );
  return (session) => {
    if (session.stoppedAt) return session.cost !== null && session.currency ? { amount: Number(session.cost), currency: session.currency } : null;
    return soFar.get(session.id) ?? null;
  };
}
