import { and, eq, gte } from 'drizzle-orm';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Database } from '../../db/client';
import { circuitChanges } from '../../db/schema';
import type { CircuitReason } from '../../domain/circuits/reasons';
import { recordGridReadings } from '../../domain/data/grid-power';
import type { CircuitFleet } from './fleet';
import { measureReplan, settle, type Replan } from './measure';

// A jump that moves no charger within this long, or only for the chargers' own events, is a build whose circuit
// budget ignores the feed.
const PROBE_MS = 5_000;
const CHARGER_EVENT_REASONS: readonly string[] = ['sessionStarted', 'sessionStopped', 'statusChanged', 'chargerOffline', 'chargerOnline'] satisfies CircuitReason[];

type FeedOptions = { accountId: string; circuitId: string; count: number; gapMs: number };

async function isFeedReplan(db: Database, { circuitId, since }: { circuitId: string; since: Date }) {
  const rows = await db.select({ reason: circuitChanges.reason }).from(circuitChanges).where(and(eq(circuitChanges.circuitId, circuitId), gte(circuitChanges.createdAt, since)));
  return rows.some((row) => !CHARGER_EVENT_REASONS.includes(row.reason));
}

// Alternating readings of 40 kW imported and none, each stored as the feed endpoint stores it; null when the first
// jump shows that the budget does not follow the feed on this build.
export async function measureFeedJumps(db: Database, fleet: CircuitFleet, { accountId, circuitId, count, gapMs }: FeedOptions): Promise<Replan[] | null> {
  await settle(db, fleet);
  const jump = (index: number) => () => recordGridReadings(db, { accountId, readings: [{ measuredAt: new Date(), powerW: index % 2 === 0 ? 40_000 : 0 }] });
  const since = new Date();
  const first = await measureReplan(db, fleet, jump(0), { noneAfterMs: PROBE_MS });
  if (first.ms === null || !(await isFeedReplan(db, { circuitId, since }))) return null;
  const measured: Replan[] = [first];
  for (let index = 1; index < count; index++) {
    await sleep(gapMs);
    measured.push(await measureReplan(db, fleet, jump(index)));
  }
  return measured;
}
