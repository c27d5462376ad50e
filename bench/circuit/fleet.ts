import { inArray } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { chargers } from '../../db/schema';
import { SimulatedCharger } from '../../ocpp-server/simulator/simulated-charger';

export type ProfileReceipt = { chargerIndex: number; at: number };

// The simulated chargers of the circuit over real WebSockets, each noting when it accepts a charging profile.
export async function connectCircuitFleet({ db, identities, port }: { db: Database; identities: string[]; port: number }) {
  const rows = await db.select({ id: chargers.id, identity: chargers.identity }).from(chargers).where(inArray(chargers.identity, identities));
  const idOf = new Map(rows.map((row) => [row.identity, row.id]));
  const receipts: ProfileReceipt[] = [];
  const simulators = identities.map((identity, chargerIndex) => {
    const simulator = new SimulatedCharger({ url: `ws://127.0.0.1:${port}/ocpp`, identity, connectors: 1, powerW: 22_080, meterIntervalMs: 10_000, heartbeatIntervalMs: 300_000 });
    simulator.on('chargingProfileAnswered', ({ status }: { status: string }) => {
      if (status === 'Accepted') receipts.push({ chargerIndex, at: performance.now() });
    });
    return simulator;
  });
  // A few at a time, as chargers come back after a power cut: all at once would measure the connect storm instead.
  for (let start = 0; start < simulators.length; start += 10) await Promise.all(simulators.slice(start, start + 10).map((simulator) => simulator.start()));
  return {
    simulators,
    chargerIds: identities.map((identity) => idOf.get(identity)!),
    receipts,
    stop: () => Promise.all(simulators.map((simulator) => simulator.stop())),
  };
}

export type CircuitFleet = Awaited<ReturnType<typeof connectCircuitFleet>>;
