import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { chargerProvisioning } from '../../db/schema';
import { makeCharger } from '../../db/seed/builders';
import { updateMeterSettings } from '../../domain/data/chargers';
import { SimulatedCharger201 } from '../simulator/v201/simulated-charger-201';
import { endpoint, waitFor } from './helpers';
import { ocppSuite } from './suite';

// Boot provisioning of an OCPP 2.0.1 charger: the owner's meter settings through SetVariables of SampledDataCtrlr.
const suite = ocppSuite({ isProvisioning: true, provisionDelayMs: 0 });
const { db } = suite;
const running: SimulatedCharger201[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((charger) => charger.stop()));
});

const resultsOf = async (chargerId: string) =>
  Object.fromEntries((await db.select().from(chargerProvisioning).where(eq(chargerProvisioning.chargerId, chargerId))).map(({ key, wanted, outcome }) => [key, { wanted, outcome }]));
const sampledData = (simulator: SimulatedCharger201, name: string) =>
  simulator.deviceModel.find((entry) => entry.component.name === 'SampledDataCtrlr' && entry.variable.name === name)?.value;

describe('provisioning a 2.0.1 charger', () => {
  it('sets its sampled data interval and measurands at boot and again when the owner changes the meter settings', async () => {
    const charger = await makeCharger(db, { accountId: suite.fixture.account.id, meterSampleIntervalSec: 20 });
    const simulator = new SimulatedCharger201({ url: endpoint(suite.server), identity: charger.identity, evses: 1, meterIntervalMs: 60_000 });
    running.push(simulator);
    await simulator.start();

    const results = await waitFor(async () => {
      const found = await resultsOf(charger.id);
      return Object.keys(found).length === 2 && found;
    });
    expect(results).toEqual({
      MeterValueSampleInterval: { wanted: '20', outcome: 'Accepted' },
      MeterValuesSampledData: { wanted: 'Energy.Active.Import.Register,Power.Active.Import,Current.Import,SoC', outcome: 'Accepted' },
    });
    expect(sampledData(simulator, 'TxUpdatedInterval')).toBe('20');

    const scope = { accountId: suite.fixture.account.id, chargerId: charger.id };
    expect(await updateMeterSettings(db, { ...scope, sampleIntervalSec: 45, measurands: ['Power.Active.Import'] })).toEqual({ ok: true, value: null });
    await waitFor(async () => sampledData(simulator, 'TxUpdatedInterval') === '45');
    await waitFor(async () => sampledData(simulator, 'TxUpdatedMeasurands') === 'Energy.Active.Import.Register,Power.Active.Import');
  });
});
