// What one provisioning run writes: the circuit comes back to be planned again only when the Smart Charging limits
// changed, and a feature the run did not learn about keeps what was known of it.
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { chargerProvisioning, circuitChargers, circuits, reservationSupport, securityExtensionSupport } from '../../db/schema';
import { makeAccount, makeCharger } from '../../db/seed/builders';
import { recordProvisioning, type ProvisioningRun } from '../../domain/data/charger-traffic/provisioning';
import { testDb } from './helpers';

const { db, sql } = testDb();
afterAll(() => sql.end());

async function chargerOnCircuit() {
  const account = await makeAccount(db);
  const charger = await makeCharger(db, { accountId: account.id });
  const [circuit] = await db.insert(circuits).values({ accountId: account.id, name: 'Garage', capacityA: 32 }).returning();
  await db.insert(circuitChargers).values({ chargerId: charger.id, accountId: account.id, circuitId: circuit!.id });
  return { ref: { chargerId: charger.id, accountId: account.id }, circuitId: circuit!.id };
}

const limits = { isSupported: true, maxStackLevel: 3, allowedRateUnits: 'Current', maxProfilesInstalled: null };
const key = { key: 'MeterValueSampleInterval', wanted: '60', reported: '60', outcome: 'Accepted' as const };

describe('recording a provisioning run', () => {
  it('asks for a new plan when the limits are first read or changed, not when they are read again unchanged', async () => {
    const { ref, circuitId } = await chargerOnCircuit();
    const run: ProvisioningRun = { results: [key], smartCharging: limits };
    expect(await recordProvisioning(db, ref, run)).toEqual({ replanCircuitId: circuitId });
    expect(await recordProvisioning(db, ref, run)).toEqual({ replanCircuitId: null });
    expect(await recordProvisioning(db, ref, { ...run, smartCharging: { ...limits, maxStackLevel: 0 } })).toEqual({ replanCircuitId: circuitId });
    // A run that did not read them (a charger that did not answer) says nothing of them.
    expect(await recordProvisioning(db, ref, { results: [key] })).toEqual({ replanCircuitId: null });
  });

  it('keeps what was known of a feature when the run did not learn about it, and the keys it did not set', async () => {
    const { ref } = await chargerOnCircuit();
    await recordProvisioning(db, ref, { results: [key], featureProfiles: 'Core,Reservation', configurationKeys: ['SecurityProfile'] });
    await recordProvisioning(db, ref, { results: [] });

    expect(await db.select({ isSupported: reservationSupport.isSupported }).from(reservationSupport).where(eq(reservationSupport.chargerId, ref.chargerId))).toEqual([{ isSupported: true }]);
    expect(await db.select({ evidence: securityExtensionSupport.evidence }).from(securityExtensionSupport).where(eq(securityExtensionSupport.chargerId, ref.chargerId))).toEqual([{ evidence: 'SecurityProfile' }]);
    expect(await db.select({ key: chargerProvisioning.key, outcome: chargerProvisioning.outcome }).from(chargerProvisioning).where(eq(chargerProvisioning.chargerId, ref.chargerId))).toEqual([
      { key: 'MeterValueSampleInterval', outcome: 'Accepted' },
    ]);
  });
});
