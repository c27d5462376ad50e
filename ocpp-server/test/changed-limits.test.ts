// A charger whose Smart Charging limits change across a restart (new firmware that takes only watts, up to stack
// level 0): the circuit's share, sent again at its connection from the limits the platform kept, is refused; once
// provisioning has read the new limits, the share is planned again and sent in watts at level 0.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { chargerSmartCharging, circuitChargers, circuits } from '../../db/schema';
import { makeCharger } from '../../db/seed/builders';
import { staticShareA } from '../../domain/circuits/allocate';
import { waitFor } from './helpers';
import { startSimulator } from './simulators';
import { ocppSuite } from './suite';

// Long enough that the circuit is planned at the connection, from the limits kept, before provisioning reads them.
const suite = ocppSuite({ isProvisioning: true, provisionDelayMs: 3_000 });
const { db } = suite;

describe('a charger on a circuit whose Smart Charging limits change', () => {
  it('gets its share again, in the unit and at the stack level it now takes, once provisioning has read them', async () => {
    const { account } = suite.fixture;
    const [circuit] = await db.insert(circuits).values({ accountId: account.id, name: 'Garage', capacityA: 16 }).returning();
    const charger = await makeCharger(db, { accountId: account.id, connectorCount: 1 });
    await db.insert(circuitChargers).values({ chargerId: charger.id, accountId: account.id, circuitId: circuit!.id });
    const shareW = staticShareA(16, 1) * 230 * 3;
    const hasShare = (simulator: Awaited<ReturnType<typeof startSimulator>>) => waitFor(async () => Math.abs(simulator.chargingProfiles.limitW(1) - shareW) < 1);
    const keptUnits = async () => (await db.select().from(chargerSmartCharging).where(eq(chargerSmartCharging.chargerId, charger.id)))[0]?.allowedRateUnits;

    const before = await startSimulator(suite.server, { identity: charger.identity, connectors: 1, powerW: 22_080, smartCharging: { rateUnits: ['A'] } });
    await hasShare(before);
    await waitFor(async () => (await keptUnits()) === 'Current');
    await before.stop();

    const after = await startSimulator(suite.server, { identity: charger.identity, connectors: 1, powerW: 22_080, smartCharging: { rateUnits: ['W'], maxStackLevel: 0 } });
    // The share planned at its connection, from the limits kept, came before provisioning read the new ones: refused.
    await waitFor(async () => after.receivedCalls.includes('SetChargingProfile'));
    expect(await keptUnits()).toBe('Current');
    expect(after.chargingProfiles.limitW(1)).not.toBeCloseTo(shareW);
    // It refuses a profile in amperes or above level 0: drawing the share, it holds one in watts at level 0.
    await hasShare(after);
    expect(await keptUnits()).toBe('Power');
  });
});
