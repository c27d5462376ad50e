import { setTimeout as sleep } from 'node:timers/promises';
import type { Database } from '../../db/client';
import { SITE_PHASES, SITE_VOLTAGE_V } from '../../domain/circuits/feed-budget';
import { recordGridReadings } from '../../domain/data/grid-power';
import type { CircuitFleet } from './fleet';
import { measureReplan, settle, type Replan } from './measure';

type FeedOptions = { accountId: string; capacityA: number; count: number; gapMs: number };

// The grid import includes what the chargers draw: half a fuse more than a full fuse's worth over the site's phases
// leaves the chargers at most half the fuse, whatever they drew before.
const jumpW = (capacityA: number) => Math.round(1.5 * capacityA * SITE_PHASES * SITE_VOLTAGE_V);

const reading = (db: Database, accountId: string, powerW: number) => async () => {
  await recordGridReadings(db, { accountId, readings: [{ measuredAt: new Date(), powerW }] });
};

// Alternating readings of a jump (jumpW) imported and none, each stored and announced as the feed endpoint does
// (lib/grid/receive-readings.ts). A first reading of none brings the feed to life: until then the circuit is on its
// silent feed's static shares.
export async function measureFeedJumps(db: Database, fleet: CircuitFleet, { accountId, capacityA, count, gapMs }: FeedOptions): Promise<Replan[]> {
  await reading(db, accountId, 0)();
  await settle(db, fleet);
  const measured: Replan[] = [];
  for (let index = 0; index < count; index++) {
    await sleep(gapMs);
    measured.push(await measureReplan(db, fleet, reading(db, accountId, index % 2 === 0 ? jumpW(capacityA) : 0)));
  }
  return measured;
}
