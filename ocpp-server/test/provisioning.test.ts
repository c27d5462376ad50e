import { and, eq, isNotNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { chargerProvisioning, chargers, meterValues } from '../../db/schema';
import { makeCard, makeCharger } from '../../db/seed/builders';
import { CHARGER_PROVISION_CHANNEL } from '../../domain/charging/charger-events';
import { updateMeterSettings } from '../../domain/data/chargers';
import { createRPCError } from '../src/ocpp/rpc';
import { waitFor } from './helpers';
import { startSimulator, transactionAnswered } from './simulators';
import { ocppSuite } from './suite';

const suite = ocppSuite({ isProvisioning: true, provisionDelayMs: 0 });
const { db } = suite;

const resultsOf = async (chargerId: string) =>
  Object.fromEntries(
    (await db.select().from(chargerProvisioning).where(eq(chargerProvisioning.chargerId, chargerId))).map(({ key, wanted, reported, outcome }) => [key, { wanted, reported, outcome }]),
  );
const provisioned = (chargerId: string, keys = 2) =>
  waitFor(async () => {
    const results = await resultsOf(chargerId);
    return Object.keys(results).length === keys && results;
  });

const ENERGY_POWER_CURRENT = 'Energy.Active.Import.Register,Power.Active.Import,Current.Import';

describe('boot provisioning', () => {
  it('turns sampling on for a charger that boots with it off, without the SoC it refuses, so its session shows live power', async () => {
    const charger = await makeCharger(db, { accountId: suite.fixture.account.id, meterSampleIntervalSec: 1 });
    const simulator = await startSimulator(suite.server, { identity: charger.identity, bootsWithSamplingOff: true });

    expect(await provisioned(charger.id)).toEqual({
      MeterValueSampleInterval: { wanted: '1', reported: '0', outcome: 'Accepted' },
      MeterValuesSampledData: { wanted: ENERGY_POWER_CURRENT, reported: 'Energy.Active.Import.Register', outcome: 'Accepted' },
    });
    expect(simulator.configuration.get('MeterValueSampleInterval')).toBe('1');

    const card = await makeCard(db, { accountId: suite.fixture.account.id });
    const started = transactionAnswered(simulator, 'transactionStarted', 1);
    await simulator.startSession(1, card.idTag);
    const transactionId = await started;
    const power = await waitFor(
      async () => (await db.select().from(meterValues).where(and(eq(meterValues.transactionId, transactionId), eq(meterValues.measurand, 'Power.Active.Import'))))[0],
    );
    expect(power.numericValue).toBe(7400);
  });

  it('sets the charger again when the owner changes its meter settings, and on a reconnect without a boot', async () => {
    const charger = await makeCharger(db, { accountId: suite.fixture.account.id });
    const simulator = await startSimulator(suite.server, { identity: charger.identity, bootsWithSamplingOff: true });
    expect((await provisioned(charger.id)).MeterValueSampleInterval).toEqual({ wanted: '30', reported: '0', outcome: 'Accepted' });

    const scope = { accountId: suite.fixture.account.id, chargerId: charger.id };
    expect(await updateMeterSettings(db, { ...scope, sampleIntervalSec: 15, measurands: ['Power.Active.Import'] })).toEqual({ ok: true, value: null });
    await waitFor(async () => simulator.configuration.get('MeterValueSampleInterval') === '15');
    await waitFor(async () => (await resultsOf(charger.id)).MeterValuesSampledData?.wanted === 'Energy.Active.Import.Register,Power.Active.Import');

    // Reset by hand on the charger, then a reconnect: only a new run can set it back. Waited for by what it does, not
    // by provisionedAt, which the run started by the save above may still move after the drop.
    simulator.configuration.set('MeterValueSampleInterval', '0');
    simulator.dropConnection();
    await waitFor(async () => simulator.configuration.get('MeterValueSampleInterval') === '15');
    await waitFor(async () => (await resultsOf(charger.id)).MeterValueSampleInterval?.reported === '0');
    expect((await resultsOf(charger.id)).MeterValueSampleInterval).toEqual({ wanted: '15', reported: '0', outcome: 'Accepted' });
  });

  it('sets the settings an owner saved while the charger was still being provisioned, once that run is over', async () => {
    const charger = await makeCharger(db, { accountId: suite.fixture.account.id });
    const client = await suite.connect(suite.server, { identity: charger.identity });
    let answerFirstRead = () => {};
    const firstReadAsked = new Promise<void>((asked) => {
      let reads = 0;
      client.handle('GetConfiguration', async () => {
        // The first run waits here, with the settings it read before the owner's save.
        if (reads++ === 0) {
          asked();
          await new Promise<void>((resolve) => (answerFirstRead = resolve));
        }
        return { configurationKey: [{ key: 'MeterValueSampleInterval', value: '0', readonly: false }] };
      });
    });
    const intervals: string[] = [];
    client.handle('ChangeConfiguration', async ({ params }) => {
      if (params!.key === 'MeterValueSampleInterval') intervals.push(params!.value);
      return { status: 'Accepted' };
    });
    await client.call('BootNotification', { chargePointVendor: 'Acme', chargePointModel: 'Slow' });
    await firstReadAsked;

    let notified = () => {};
    const saved = new Promise<void>((resolve) => (notified = resolve));
    const subscription = await suite.sql.listen(CHARGER_PROVISION_CHANNEL, (chargerId) => chargerId === charger.id && notified());
    await updateMeterSettings(db, { accountId: suite.fixture.account.id, chargerId: charger.id, sampleIntervalSec: 2, measurands: null });
    await saved;
    await subscription.unlisten();
    // The OCPP server's own LISTEN connection got the same NOTIFY at the same commit.
    await new Promise((resolve) => setTimeout(resolve, 200));
    answerFirstRead();

    await waitFor(async () => (await resultsOf(charger.id)).MeterValueSampleInterval?.wanted === '2');
    expect(intervals).toEqual(['30', '2']);
    expect((await resultsOf(charger.id)).MeterValueSampleInterval).toEqual({ wanted: '2', reported: '0', outcome: 'Accepted' });
  });

  it('provisions a charger whose configuration holds a NUL character, kept with U+FFFD in its place', async () => {
    const charger = await makeCharger(db, { accountId: suite.fixture.account.id, lastBootAt: new Date() });
    const client = await suite.connect(suite.server, { identity: charger.identity });
    client.handle('GetConfiguration', async () => ({
      configurationKey: [
        { key: 'MeterValueSampleInterval', value: '6\u00000', readonly: true },
        { key: 'SupportedFeatureProfiles', value: 'Core,Smart\u0000Charging', readonly: true },
        { key: 'ChargingScheduleAllowedChargingRateUnit', value: 'Current\u0000', readonly: true },
      ],
      unknownKey: ['MeterValuesSampledData'],
    }));
    expect((await provisioned(charger.id)).MeterValueSampleInterval).toEqual({ wanted: '30', reported: '6\uFFFD0', outcome: 'readonly' });
  });

  it('records what the charger refused: a read-only interval, an unknown list, and a list refused in every form', async () => {
    const charger = await makeCharger(db, { accountId: suite.fixture.account.id, lastBootAt: new Date() });
    const client = await suite.connect(suite.server, { identity: charger.identity });
    const changes: string[] = [];
    client.handle('GetConfiguration', async () => ({ configurationKey: [{ key: 'MeterValueSampleInterval', value: '60', readonly: true }], unknownKey: ['MeterValuesSampledData'] }));
    client.handle('ChangeConfiguration', async ({ params }) => {
      changes.push(params!.key);
      return { status: 'Rejected' };
    });
    expect(await provisioned(charger.id)).toEqual({
      MeterValueSampleInterval: { wanted: '30', reported: '60', outcome: 'readonly' },
      MeterValuesSampledData: { wanted: 'Energy.Active.Import.Register,Power.Active.Import,Current.Import,SoC', reported: null, outcome: 'unknownKey' },
    });
    expect(changes).toEqual([]);

    const stubborn = await makeCharger(db, { accountId: suite.fixture.account.id });
    const other = await suite.connect(suite.server, { identity: stubborn.identity });
    // Never booted: its connection alone is no reason to provision it (1.6 §4.2), only its BootNotification.
    other.handle('GetConfiguration', async () => {
      changes.push('GetConfiguration');
      throw createRPCError('NotSupported');
    });
    other.handle('ChangeConfiguration', async ({ params }) => {
      changes.push(params!.key);
      return { status: params!.key === 'MeterValueSampleInterval' ? 'RebootRequired' : 'Rejected' };
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await db.select().from(chargerProvisioning).where(eq(chargerProvisioning.chargerId, stubborn.id))).toEqual([]);
    await other.call('BootNotification', { chargePointVendor: 'Acme', chargePointModel: 'Stubborn' });
    expect(await provisioned(stubborn.id)).toEqual({
      MeterValueSampleInterval: { wanted: '30', reported: null, outcome: 'RebootRequired' },
      MeterValuesSampledData: { wanted: 'Energy.Active.Import.Register,Power.Active.Import,Current.Import,SoC', reported: null, outcome: 'Rejected' },
    });
    expect(changes).toEqual(['GetConfiguration', 'MeterValueSampleInterval', 'MeterValuesSampledData', 'MeterValuesSampledData', 'MeterValuesSampledData', 'MeterValuesSampledData']);
    expect((await db.select().from(chargers).where(and(eq(chargers.id, stubborn.id), isNotNull(chargers.provisionedAt)))).length).toBe(1);
  });
});
