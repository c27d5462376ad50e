import { describe, expect, it } from 'vitest';
import { updateMeterSettings } from '../../domain/data/chargers';
import { makeCharger } from '../../db/seed/builders';
import { waitFor } from './helpers';
import { ocppSuite } from './suite';

// One background slot and long call timeouts: a charger that never answers holds the slot for as long as a silent
// charger does in production (each of its calls waits the whole timeout).
const suite = ocppSuite({ isProvisioning: true, backgroundRuns: 1, callTimeoutMs: 10_000 });
const { db } = suite;

describe('an owner’s change while silent chargers hold the background line', () => {
  it('sends saved meter settings to the owner’s charger while a silent charger’s run still holds the only slot', async () => {
    const accountId = suite.fixture.account.id;
    const silent = await makeCharger(db, { accountId, lastBootAt: new Date() });
    const silentClient = await suite.connect(suite.server, { identity: silent.identity });
    // Every call it gets stays unanswered; a second call would mean its run went on past the first's timeout.
    const silentCalls: string[] = [];
    silentClient.handle(({ method }) => {
      silentCalls.push(method ?? '');
      return new Promise(() => {});
    });
    await waitFor(async () => silentCalls.length > 0);

    const owners = await makeCharger(db, { accountId, lastBootAt: new Date() });
    const ownersClient = await suite.connect(suite.server, { identity: owners.identity });
    const intervals: string[] = [];
    ownersClient.handle('GetConfiguration', async () => ({ configurationKey: [{ key: 'MeterValueSampleInterval', value: '60', readonly: false }] }));
    ownersClient.handle('ChangeConfiguration', async ({ params }) => {
      if (params!.key === 'MeterValueSampleInterval') intervals.push(String(params!.value));
      return { status: 'Accepted' };
    });
    // Its reconnect run waits in line behind the silent charger's.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(intervals).toEqual([]);

    await updateMeterSettings(db, { accountId, chargerId: owners.id, sampleIntervalSec: 15, measurands: null });
    await waitFor(async () => intervals.includes('15'));
    expect(silentCalls).toEqual(['GetConfiguration']);
  });
});
