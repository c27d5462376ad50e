import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { chargers } from '@/db/schema';
import { makeCard, makeCharger } from '@/db/seed/builders';
import { getCharger, listChargers } from '@/domain/data/chargers';
import { waitFor } from '@/ocpp-server/test/helpers';
import { startSimulator, transactionAnswered } from '@/ocpp-server/test/simulators';
import { ocppSuite } from '@/ocpp-server/test/suite';

const suite = ocppSuite();
const { db } = suite;

describe('connectors of an offline charger', () => {
  it('are shown as reported while the charger is online, and as unknown with the last report and last seen time once it is gone', async () => {
    const { account } = suite.fixture;
    const charger = await makeCharger(db, { accountId: account.id });
    const card = await makeCard(db, { accountId: account.id });
    const simulator = await startSimulator(suite.server, { identity: charger.identity, connectors: 2, powerW: 7400 });
    const started = transactionAnswered(simulator, 'transactionStarted', 1);
    await simulator.startSession(1, card.idTag);
    await started;
    const scope = { accountId: account.id, chargerId: charger.id };
    const online = await waitFor(async () => {
      const seen = await getCharger(db, scope);
      return seen?.connectors[0]?.status === 'Charging' && seen.connectors[0].powerW !== null && seen.connectors[1]?.status === 'Available' && seen;
    });
    expect(online.connectors[0]).toMatchObject({ status: 'Charging', lastReportedStatus: 'Charging', powerW: 7400 });

    await simulator.stop();
    await waitFor(async () => !(await getCharger(db, scope))?.isOnline);
    const [row] = await db.select({ lastSeenAt: chargers.lastSeenAt, disconnectedAt: chargers.disconnectedAt }).from(chargers).where(eq(chargers.id, charger.id));
    const lastSeenAt = row!.disconnectedAt;
    expect(lastSeenAt!.getTime()).toBeGreaterThanOrEqual(row!.lastSeenAt!.getTime());
    const offline = (await listChargers(db, { accountId: account.id })).find((row) => row.id === charger.id)!;
    expect(offline.connectors.map(({ connectorId, status, lastReportedStatus, powerW, lastSeenAt: seen }) => ({ connectorId, status, lastReportedStatus, powerW, seen }))).toEqual([
      { connectorId: 1, status: 'Unknown', lastReportedStatus: 'Charging', powerW: null, seen: lastSeenAt },
      { connectorId: 2, status: 'Unknown', lastReportedStatus: 'Available', powerW: null, seen: lastSeenAt },
    ]);
  });
});
