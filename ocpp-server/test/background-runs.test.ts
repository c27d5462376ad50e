import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { chargerProvisioning } from '../../db/schema';
import { makeAccount, makeCard, makeCharger } from '../../db/seed/builders';
import { getLocalListState } from '../../domain/data/local-lists';
import { SimulatedCharger } from '../simulator/simulated-charger';
import { endpoint, waitFor } from './helpers';
import { ocppSuite } from './suite';

const SLOTS = 3;
const FLEET = 30;

// A charger's boot comes just after its connection, within the delay, as with a real charger. Statement slots to
// spare: chargers waiting for one would hold the line to one run at a time (background-slots.test.ts covers that).
const suite = ocppSuite({ isProvisioning: true, isSyncingLocalLists: true, provisionDelayMs: 100, backgroundRuns: SLOTS, statementsInFlight: 1000 });
const { db } = suite;

// What the fleet sees of the platform's calls: how many it has in flight across all chargers, and the most ever.
function watchFleet() {
  const seen = { inFlight: 0, most: 0, answered: 0 };
  const watch = (charger: SimulatedCharger) => {
    charger.on('callReceived', () => (seen.most = Math.max(seen.most, ++seen.inFlight)));
    charger.on('callAnswered', () => {
      seen.inFlight--;
      seen.answered++;
    });
  };
  return { seen, watch };
}

// What an operator's scrape shows of the line: runs in progress and waiting.
async function backgroundRuns() {
  const text = await (await fetch(`http://127.0.0.1:${suite.server.port}/metrics`)).text();
  const sample = (state: string) => Number(text.match(new RegExp(`^ocpp_background_runs\\{state="${state}"\\} (\\d+)$`, 'm'))?.[1]);
  return { inProgress: sample('in_progress'), waiting: sample('waiting') };
}

const isProvisioned = async (chargerId: string) => (await db.select().from(chargerProvisioning).where(eq(chargerProvisioning.chargerId, chargerId))).length === 2;

describe('background runs across a fleet', () => {
  it('provisions and syncs the lists of a fleet booting at once a few chargers at a time, and every one of them in the end', async () => {
    const account = await makeAccount(db);
    await makeCard(db, { accountId: account.id, idTag: 'FLEETCARD01' });
    await makeCard(db, { accountId: account.id, idTag: 'FLEETCARD02', status: 'blocked' });
    const chargers = await Promise.all(Array.from({ length: FLEET }, () => makeCharger(db, { accountId: account.id })));
    const { seen, watch } = watchFleet();
    // Each answer takes a moment, as over a cellular link, so that calls the platform sends together overlap.
    const fleet = chargers.map(
      ({ identity }) => new SimulatedCharger({ url: endpoint(suite.server), identity, bootsWithSamplingOff: true, answerDelayMs: 20, backoff: { initialDelay: 50, maxDelay: 500 } }),
    );
    fleet.forEach(watch);
    try {
      await Promise.all(fleet.map((charger) => charger.start()));
      const queued = await waitFor(async () => {
        const runs = await backgroundRuns();
        return runs.waiting > 0 && runs;
      });
      expect(queued.inProgress).toBe(SLOTS);
      for (const [index, { id: chargerId }] of chargers.entries()) {
        const simulated = fleet[index]!;
        await waitFor(() => isProvisioned(chargerId));
        await waitFor(async () => {
          const state = await getLocalListState(db, { accountId: account.id, chargerId });
          return state?.isInSync && state.acceptedVersion === simulated.localList.version;
        });
        expect(simulated.configuration.get('MeterValueSampleInterval')).toBe('30');
        expect(simulated.localList.entries.get('FLEETCARD02')).toMatchObject({ status: 'Blocked' });
      }
      expect(seen.answered).toBeGreaterThanOrEqual(FLEET * 4);
      // Never more than the slots at once, yet more than one: the fleet is worked through side by side.
      expect(seen.most).toBeLessThanOrEqual(SLOTS);
      expect(seen.most).toBeGreaterThan(1);
      // The line empties once the last runs have finished what they do after their writes.
      await waitFor(async () => {
        const runs = await backgroundRuns();
        return runs.inProgress === 0 && runs.waiting === 0;
      });
    } finally {
      await Promise.all(fleet.map((charger) => charger.stop()));
    }
  });
});
