import { and, eq, inArray, sql } from 'drizzle-orm';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Database } from '../../db/client';
import { chargerCommands, chargerSmartCharging } from '../../db/schema';
import type { CircuitFleet } from './fleet';

// No profile accepted for this long, and none queued or on its way: the replan is over.
const QUIET_MS = 400;
const GIVE_UP_MS = 15_000;

export type Replan = { ms: number; chargers: number } | { ms: null; chargers: 0 };

const profilesInFlight = async (db: Database) =>
  (
    await db
      .select({ count: sql<number>`count(*)::int` })
      .from(chargerCommands)
      .where(and(eq(chargerCommands.action, 'SetChargingProfile'), inArray(chargerCommands.status, ['pending', 'sent'])))
  )[0]!.count;

// From just before `cause` (a StartTransaction leaving a charger, a change committed the way the web app commits it)
// until the last affected charger has accepted its new profile. Null when no charger got one within `noneAfterMs`.
export async function measureReplan(db: Database, fleet: CircuitFleet, cause: () => Promise<unknown>, { noneAfterMs = GIVE_UP_MS } = {}): Promise<Replan> {
  const from = fleet.receipts.length;
  const began = performance.now();
  await cause();
  const since = () => fleet.receipts.slice(from);
  while (performance.now() - began < GIVE_UP_MS) {
    await sleep(50);
    const got = since();
    if (got.length === 0) {
      if (performance.now() - began > noneAfterMs) return { ms: null, chargers: 0 };
      continue;
    }
    if (performance.now() - got.at(-1)!.at < QUIET_MS || (await profilesInFlight(db)) > 0) continue;
    return { ms: got.at(-1)!.at - began, chargers: new Set(got.map((receipt) => receipt.chargerIndex)).size };
  }
  throw new Error(`a replan did not finish within ${GIVE_UP_MS} ms`);
}

// Chargers whose Smart Charging limits boot provisioning has read: the first read plans the circuit again with every
// limit sent anew (recordProvisioning, then replanForChangedLimits), which must not land in a measured replan. Provisioning waits its turn
// in the OCPP server's background line (OCPP_BACKGROUND_RUNS) behind the Local Authorization List syncs.
async function limitsRead(db: Database, fleet: CircuitFleet) {
  return db.$count(chargerSmartCharging, inArray(chargerSmartCharging.chargerId, fleet.chargerIds));
}

// Waits for the chargers' traffic after connecting to settle: every charger provisioned and holding its static share
// at least, and nothing accepted or in flight for two seconds running.
export async function settle(db: Database, fleet: CircuitFleet) {
  let seen = -1;
  let quietChecks = 0;
  while (quietChecks < 2) {
    const isQuiet =
      seen === fleet.receipts.length &&
      new Set(fleet.receipts.map((receipt) => receipt.chargerIndex)).size === fleet.simulators.length &&
      (await limitsRead(db, fleet)) === fleet.simulators.length &&
      (await profilesInFlight(db)) === 0;
    quietChecks = isQuiet ? quietChecks + 1 : 0;
    seen = fleet.receipts.length;
    await sleep(1_000);
  }
}
