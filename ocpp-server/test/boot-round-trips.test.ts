// What a booting charger's background runs cost the database (issue 23): a fleet booting together queues thousands of
// provisioning and list-sync runs behind its own messages. Each run keeps its reads, and writes what it learnt in one
// statement that also sends its charger event: the keys it set, the features the charger implements and its Smart
// Charging limits; the list it sent.
import { afterAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { chargerLocalLists, chargerProvisioning, chargers, chargerSmartCharging, reservationSupport, securityExtensionSupport } from '../../db/schema';
import { makeAccount, makeCard, makeCharger } from '../../db/seed/builders';
import { quiet, countedServer } from './counted-server';
import { testDb, waitFor } from './helpers';
import { startSimulator, stopSimulators } from './simulators';

const { db, sql } = testDb();
const counted = countedServer({ isProvisioning: true, isSyncingLocalLists: true, provisionDelayMs: 1_500 });
afterAll(async () => {
  await stopSimulators();
  await sql.end();
});

const writesTo = (statements: string[], table: string) => statements.filter((statement) => new RegExp(`(insert into|update) "${table}"`).test(statement));

describe('a booting charger’s provisioning and list sync', () => {
  it('write what each learnt in one statement apiece, with its charger event', async () => {
    const account = await makeAccount(db);
    const charger = await makeCharger(db, { accountId: account.id });
    const card = await makeCard(db, { accountId: account.id });
    await quiet(counted.counter);
    const from = counted.counter.executed.length;

    await startSimulator(counted.server, { identity: charger.identity, bootsWithSamplingOff: true, smartCharging: { rateUnits: ['A'], maxStackLevel: 3 } });
    const list = await waitFor(async () => {
      const [row] = await db.select().from(chargerLocalLists).where(eq(chargerLocalLists.chargerId, charger.id));
      return row?.lastResult === 'Accepted' && row;
    });
    await waitFor(async () => (await db.select({ at: chargers.provisionedAt }).from(chargers).where(eq(chargers.id, charger.id)))[0]?.at);
    await quiet(counted.counter);
    const statements = counted.counter.executed.slice(from);

    // What the runs learnt, all of it stored.
    expect(Object.keys(list.heldEntries ?? {})).toEqual([card.idTag]);
    const keys = await db.select().from(chargerProvisioning).where(eq(chargerProvisioning.chargerId, charger.id));
    expect(keys.map(({ key, outcome }) => `${key}: ${outcome}`).sort()).toEqual(['MeterValueSampleInterval: Accepted', 'MeterValuesSampledData: Accepted']);
    expect(await db.select({ isSupported: reservationSupport.isSupported, evidence: reservationSupport.evidence }).from(reservationSupport).where(eq(reservationSupport.chargerId, charger.id))).toEqual([{ isSupported: true, evidence: 'SupportedFeatureProfiles' }]);
    expect(await db.select({ isSupported: securityExtensionSupport.isSupported }).from(securityExtensionSupport).where(eq(securityExtensionSupport.chargerId, charger.id))).toHaveLength(1);
    expect(await db.select({ units: chargerSmartCharging.allowedRateUnits, level: chargerSmartCharging.maxStackLevel }).from(chargerSmartCharging).where(eq(chargerSmartCharging.chargerId, charger.id))).toEqual([{ units: 'Current', level: 3 }]);

    // One statement wrote the provisioning run's findings; another the list, each with its NOTIFY and no transaction.
    const [provisioned, ...otherProvisioning] = writesTo(statements, 'charger_provisioning');
    expect(otherProvisioning).toEqual([]);
    for (const table of ['reservation_support', 'security_extension_support', 'charger_smart_charging']) expect(writesTo(statements, table)).toEqual([provisioned]);
    expect(provisioned).toContain('pg_notify');
    const [listed, ...otherLists] = writesTo(statements, 'charger_local_lists');
    expect(otherLists).toEqual([]);
    expect(listed).toContain('pg_notify');
    expect(statements.filter((statement) => /^\s*(begin|commit)\b/.test(statement))).toEqual([]);
  });
});
