import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb } from '@/db/client';
import { chargers, connectors, evseConnectors } from '@/db/schema';
import { makeAccount, makeCharger } from '@/db/seed/builders';
import { withConnectors } from '@/domain/data/connectors';

const { db, sql } = createDb(process.env.DATABASE_URL!);
afterAll(() => sql.end());

const seen = { isOnline: true, lastSeenAt: new Date(), disconnectedAt: null };
const labelsOf = async (chargerId: string) => (await withConnectors(db, [{ id: chargerId, ...seen }]))[0]!.connectors.map(({ connectorId, evse }) => ({ connectorId, evse }));

// What the charger page and the Charge page label a connector by: its EVSE and number there when that EVSE has another.
describe('the connectors the pages list', () => {
  it('name the two connectors of one EVSE by it, an EVSE with one connector by number, and a charger back on 1.6 by number', async () => {
    const account = await makeAccount(db);
    const charger = await makeCharger(db, { accountId: account.id, connectorCount: 3, ocppVersion: 'ocpp2.0.1' });
    const numbering = [[1, 1, 1], [2, 1, 2], [3, 2, 1]] as const;
    for (const [connectorId, evseId, evseConnectorId] of numbering) {
      await db.insert(connectors).values({ chargerId: charger.id, connectorId, status: 'Available', errorCode: 'NoError' });
      await db.insert(evseConnectors).values({ chargerId: charger.id, connectorId, evseId, evseConnectorId });
    }
    expect(await labelsOf(charger.id)).toEqual([
      { connectorId: 1, evse: { evseId: 1, evseConnectorId: 1 } },
      { connectorId: 2, evse: { evseId: 1, evseConnectorId: 2 } },
      { connectorId: 3, evse: null },
    ]);
    await db.update(chargers).set({ ocppVersion: 'ocpp1.6' }).where(eq(chargers.id, charger.id));
    expect((await labelsOf(charger.id)).map(({ evse }) => evse)).toEqual([null, null, null]);
  });
});
