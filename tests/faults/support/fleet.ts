import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { meterValues, transactions } from '../../../db/schema';
import type { SimulatedCharger } from '../../../ocpp-server/simulator/simulated-charger';

const ENERGY = 'Energy.Active.Import.Register';

// The transaction ids each charger was given, in order: the sessions it believes it ran.
export function tracksTransactionIds(simulated: SimulatedCharger[]) {
  const ids = new Map<string, number[]>(simulated.map((charger) => [charger.identity, []]));
  for (const charger of simulated) {
    charger.on('transactionStarted', ({ transactionId }: { transactionId: number }) => ids.get(charger.identity)!.push(transactionId));
  }
  return ids;
}

type FleetInput = { chargerIds: string[]; simulated: SimulatedCharger[]; transactionIds: Map<string, number[]> };

// What the database holds against what the chargers did (one connector each, meters starting at 0): the same
// sessions under the ids the chargers were given, all closed, their energy adding up to each meter's reading,
// and every answered MeterValues stored once. Returns one line per charger that differs.
export async function fleetOutcome(db: Database, { chargerIds, simulated, transactionIds }: FleetInput) {
  const sessions = await db
    .select({ id: transactions.id, chargerId: transactions.chargerId, stoppedAt: transactions.stoppedAt, energyWh: transactions.energyWh, meterStartWh: transactions.meterStartWh, meterStopWh: transactions.meterStopWh })
    .from(transactions)
    .where(inArray(transactions.chargerId, chargerIds));
  const readings = await db
    .select({ chargerId: meterValues.chargerId, transactionId: meterValues.transactionId })
    .from(meterValues)
    .where(and(inArray(meterValues.chargerId, chargerIds), eq(meterValues.measurand, ENERGY)));
  const mismatches: string[] = [];
  simulated.forEach((charger, index) => {
    const chargerId = chargerIds[index]!;
    const own = sessions.filter((session) => session.chargerId === chargerId);
    const given = transactionIds.get(charger.identity) ?? [];
    const ids = own.map((session) => session.id).sort((a, b) => a - b);
    const problems = [
      ids.join(',') !== [...given].sort((a, b) => a - b).join(',') && `sessions ${ids.join(',')} but charger was given ${given.join(',')}`,
      own.length !== charger.queue.delivered.StartTransaction && `${own.length} sessions for ${charger.queue.delivered.StartTransaction} answered starts`,
      own.some((session) => session.stoppedAt === null) && 'a session is still open',
      own.some((session) => session.energyWh !== session.meterStopWh! - session.meterStartWh) && 'energy is not meter stop - meter start',
      own.reduce((sum, session) => sum + (session.energyWh ?? 0), 0) !== charger.meterReading(1) &&
        `energy ${own.reduce((sum, session) => sum + (session.energyWh ?? 0), 0)} Wh but the meter reads ${charger.meterReading(1)} Wh`,
    ];
    const stored = readings.filter((reading) => reading.chargerId === chargerId);
    if (stored.length !== charger.queue.delivered.MeterValues) problems.push(`${stored.length} energy readings stored, ${charger.queue.delivered.MeterValues} answered`);
    if (stored.some((reading) => reading.transactionId === null || !given.includes(reading.transactionId))) problems.push('a reading is not linked to its session');
    const found = problems.filter(Boolean);
    if (found.length > 0) mismatches.push(`${charger.identity}: ${found.join('; ')}`);
  });
  return { sessions: sessions.length, mismatches };
}
