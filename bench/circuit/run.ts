import { setTimeout as sleep } from 'node:timers/promises';
import { createDb } from '../../db/client';
import { runMigrations } from '../../db/migrate';
import { createCircuit, setCircuitChargers, updateCircuit } from '../../domain/data/circuits';
import { SIMULATOR_ID_TAG } from '../../ocpp-server/simulator/register';
import { provideTestDatabase } from '../../scripts/lib/database';
import { stopChild } from '../lib/children';
import { summarize } from '../lib/stats';
import { registerBenchChargers } from '../ocpp/register';
import { spawnServer } from '../ocpp/servers';
import { measureFeedJumps } from './feed';
import { connectCircuitFleet, type CircuitFleet } from './fleet';
import { measureReplan, settle, type Replan } from './measure';

export type CircuitBenchOptions = { chargers: number; capacityA: number; starts: number; stops: number; changes: number };
type Log = (line: string) => void;

const MIN_CURRENT_A = 6;
// Longer than the meter feed's one request a second (domain/data/grid-power.ts), and a breath between causes.
const GAP_MS = 1_100;

function figures(replans: Replan[]) {
  const done = replans.filter((replan) => replan.ms !== null);
  return { ...summarize(done.map((replan) => replan.ms!)), withoutChange: replans.length - done.length, chargersPerReplan: summarize(done.map((replan) => replan.chargers)) };
}

async function series(label: string, count: number, log: Log, step: (index: number) => Promise<Replan>) {
  const measured: Replan[] = [];
  for (let index = 0; index < count; index++) {
    measured.push(await step(index));
    await sleep(GAP_MS);
  }
  log(`${label}: ${measured.length} measured`);
  return figures(measured);
}

export async function runCircuitBench(options: CircuitBenchOptions, log: Log) {
  const database = await provideTestDatabase(log);
  const { db, sql } = createDb(database.url, { max: 4 });
  try {
    await runMigrations(database.url);
    const identities = Array.from({ length: options.chargers }, (_, index) => `CIRCUIT-${String(index + 1).padStart(4, '0')}`);
    const { accountId } = await registerBenchChargers(db, database.url, identities);
    const server = await spawnServer('platform', { DATABASE_URL: database.url, OCPP_INSTANCE_ID: 'bench-circuit', OCPP_CIRCUIT_SWEEP_INTERVAL: '3600' });
    let fleet: CircuitFleet | null = null;
    try {
      log(`connecting ${options.chargers} simulated chargers`);
      fleet = await connectCircuitFleet({ db, identities, port: server.port });
      const circuit = { accountId, name: 'Bench circuit', capacityA: options.capacityA, minCurrentA: MIN_CURRENT_A, followsMeterFeed: false, solarMode: 'off' as const };
      const created = await createCircuit(db, circuit);
      if (!created.ok) throw new Error(`the bench circuit was refused: ${created.reason}`);
      const circuitId = created.value;
      await setCircuitChargers(db, { accountId, circuitId, members: fleet.chargerIds.map((chargerId, index) => ({ chargerId, phase: ((index % 3) + 1) as 1 | 2 | 3 })) });
      log(`one ${options.capacityA} A circuit of ${options.chargers} chargers: waiting for every static share`);
      await settle(db, fleet);
      const simulators = fleet.simulators;
      const started = await series('starts', options.starts, log, (index) => measureReplan(db, fleet!, () => simulators[index]!.startSession(1, SIMULATOR_ID_TAG, { shouldAuthorize: false })));
      const capacity = await series('capacity changes', options.changes, log, (index) =>
        measureReplan(db, fleet!, () => updateCircuit(db, { ...circuit, circuitId, capacityA: index % 2 === 0 ? Math.round(options.capacityA * 0.8) : options.capacityA })),
      );
      // From here the circuit is at the grid connection: its budget is the fuse less what the feed says the house draws.
      await updateCircuit(db, { ...circuit, circuitId, followsMeterFeed: true });
      const feed = figures(await measureFeedJumps(db, fleet, { accountId, capacityA: options.capacityA, count: options.changes, gapMs: GAP_MS }));
      log(`meter-feed jumps: ${options.changes} measured`);
      const stopped = await series('stops', options.stops, log, (index) => measureReplan(db, fleet!, () => simulators[index]!.stopSession(1)));
      return { options, started, stopped, capacity, feed };
    } finally {
      await fleet?.stop();
      await stopChild(server.child, 10_000);
    }
  } finally {
    await sql.end();
    await database.stop();
  }
}

export type CircuitBenchReport = Awaited<ReturnType<typeof runCircuitBench>>;
