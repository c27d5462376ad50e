import { and, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { deviceReportParts, deviceVariables, ocppMessages } from '../../db/schema';
import { makeCharger } from '../../db/seed/builders';
import type { DeviceVariableRef } from '../../domain/commands/actions';
import { sendCommand } from '../../domain/commands/send';
import { recordReportPart, type DeviceAttribute } from '../../domain/data/charger-traffic/device-model';
import { SimulatedCharger201 } from '../simulator/v201/simulated-charger-201';
import { endpoint, waitFor } from './helpers';
import { ocppSuite } from './suite';

// The device model of an OCPP 2.0.1 charger: reports in parts, variables read and set, as the charger page asks.
const suite = ocppSuite();
const { db } = suite;
const running: SimulatedCharger201[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((charger) => charger.stop()));
});

const commandBy = (chargerId: string) => ({ accountId: suite.fixture.account.id, chargerId, requestedBy: suite.fixture.account.owner.id });
const modelOf = (chargerId: string) =>
  db.select().from(deviceVariables).where(eq(deviceVariables.chargerId, chargerId)).orderBy(deviceVariables.componentName, deviceVariables.variableName);
const station = (componentName: string, variableName: string): DeviceVariableRef => ({ componentName, componentInstance: '', evseId: 0, connectorId: 0, variableName, variableInstance: '', attributeType: 'Actual' });

const entry = (component: string, variable: string, value: string, extra: Record<string, unknown> = {}) => ({
  component: { name: component },
  variable: { name: variable },
  variableAttribute: [{ value, mutability: 'ReadWrite' }],
  variableCharacteristics: { dataType: 'integer', unit: 's', supportsMonitoring: false },
  ...extra,
});

async function connect201() {
  const charger = await makeCharger(db, { accountId: suite.fixture.account.id });
  const client = await suite.connect(suite.server, { identity: charger.identity, protocols: ['ocpp2.0.1'], strictMode: true });
  return { charger, client };
}

async function startSimulator201() {
  const charger = await makeCharger(db, { accountId: suite.fixture.account.id });
  const simulator = new SimulatedCharger201({ url: endpoint(suite.server), identity: charger.identity, evses: 2, meterIntervalMs: 60_000 });
  running.push(simulator);
  await simulator.start();
  return { charger, simulator };
}

describe('an OCPP 2.0.1 device model report', () => {
  it('replaces the model only once every part is in, whatever their order, and a resent part changes nothing', async () => {
    const { charger, client } = await connect201();
    const generatedAt = new Date().toISOString();
    await client.call('NotifyReport', { requestId: 1, generatedAt, seqNo: 0, reportData: [entry('OldCtrlr', 'Gone', '1')] });
    expect((await modelOf(charger.id)).map((row) => row.variableName)).toEqual(['Gone']);

    let asked: Record<string, unknown> | undefined;
    client.handle('GetBaseReport', async ({ params }) => {
      asked = params as Record<string, unknown>;
      return { status: 'Accepted' };
    });
    const refresh = await sendCommand(db, { ...commandBy(charger.id), action: 'GetBaseReport', payload: { requestId: 42, reportBase: 'FullInventory' } });
    expect(refresh).toMatchObject({ ok: true, value: { status: 'accepted' } });
    expect(asked).toEqual({ requestId: 42, reportBase: 'FullInventory' });

    const part = (seqNo: number, reportData: unknown[], tbc: boolean) => client.call('NotifyReport', { requestId: 42, generatedAt, seqNo, tbc, reportData });
    await part(2, [entry('AuthCtrlr', 'Enabled', 'true', { variableAttribute: [{ value: 'true', mutability: 'ReadOnly' }], variableCharacteristics: { dataType: 'boolean', supportsMonitoring: false } })], false);
    await part(0, [entry('OCPPCommCtrlr', 'HeartbeatInterval', '300')], true);
    await part(0, [entry('OCPPCommCtrlr', 'HeartbeatInterval', '300')], true);
    expect((await modelOf(charger.id)).map((row) => row.variableName)).toEqual(['Gone']);
    expect(await db.select().from(deviceReportParts).where(eq(deviceReportParts.chargerId, charger.id))).toHaveLength(2);

    await part(1, [{ ...entry('EVSE', 'Power', '22000'), component: { name: 'EVSE', evse: { id: 1 } }, variableAttribute: [{ type: 'MaxSet', value: '22000', mutability: 'ReadOnly' }], variableCharacteristics: { dataType: 'decimal', unit: 'W', supportsMonitoring: false } }], true);
    const model = await modelOf(charger.id);
    expect(model.map(({ componentName, evseId, variableName, attributeType, value, mutability, dataType, unit }) => ({ componentName, evseId, variableName, attributeType, value, mutability, dataType, unit }))).toEqual([
      { componentName: 'AuthCtrlr', evseId: 0, variableName: 'Enabled', attributeType: 'Actual', value: 'true', mutability: 'ReadOnly', dataType: 'boolean', unit: null },
      { componentName: 'EVSE', evseId: 1, variableName: 'Power', attributeType: 'MaxSet', value: '22000', mutability: 'ReadOnly', dataType: 'decimal', unit: 'W' },
      { componentName: 'OCPPCommCtrlr', evseId: 0, variableName: 'HeartbeatInterval', attributeType: 'Actual', value: '300', mutability: 'ReadWrite', dataType: 'integer', unit: 's' },
    ]);
    expect(await db.select().from(deviceReportParts).where(eq(deviceReportParts.chargerId, charger.id))).toHaveLength(0);
  });

  it('updates the configurable variables from a ConfigurationInventory report and keeps the read-only ones', async () => {
    const { charger, client } = await connect201();
    const generatedAt = new Date().toISOString();
    const readOnly = entry('SecurityCtrlr', 'SecurityProfile', '1', { variableAttribute: [{ value: '1', mutability: 'ReadOnly' }] });
    await client.call('NotifyReport', { requestId: 5, generatedAt, seqNo: 0, reportData: [readOnly, entry('OCPPCommCtrlr', 'HeartbeatInterval', '300')] });
    client.handle('GetBaseReport', async () => ({ status: 'Accepted' }));
    await sendCommand(db, { ...commandBy(charger.id), action: 'GetBaseReport', payload: { requestId: 6, reportBase: 'ConfigurationInventory' } });
    await client.call('NotifyReport', { requestId: 6, generatedAt, seqNo: 0, reportData: [entry('OCPPCommCtrlr', 'HeartbeatInterval', '120')] });
    expect((await modelOf(charger.id)).map((row) => [row.variableName, row.value])).toEqual([
      ['HeartbeatInterval', '120'],
      ['SecurityProfile', '1'],
    ]);
  });
});

describe('a charger that reports its own password', () => {
  it('has it stored hidden in its model and its message log', async () => {
    const { charger, client } = await connect201();
    const password = 'a-secret-charger-password-1234';
    const reportData = [entry('SecurityCtrlr', 'BasicAuthPassword', password, { variableCharacteristics: { dataType: 'string', supportsMonitoring: false } })];
    await client.call('NotifyReport', { requestId: 7, generatedAt: new Date().toISOString(), seqNo: 0, reportData });
    expect((await modelOf(charger.id)).map((row) => [row.variableName, row.value])).toEqual([['BasicAuthPassword', '(hidden)']]);
    await waitFor(async () => (await db.select().from(ocppMessages).where(eq(ocppMessages.chargerId, charger.id))).some((row) => row.action === 'NotifyReport'));
    const logged = await db.select().from(ocppMessages).where(eq(ocppMessages.chargerId, charger.id));
    expect(JSON.stringify(logged)).not.toContain(password);
  });
});

describe('two parts of one report arriving at the same moment', () => {
  // Each part's transaction would see only its own part if they were not taken one after the other, and the report
  // would never complete.
  it('completes the report exactly once', async () => {
    const charger = await makeCharger(db, { accountId: suite.fixture.account.id });
    const ref = { accountId: suite.fixture.account.id, chargerId: charger.id };
    const attribute = (variableName: string): DeviceAttribute => ({ ...station('OCPPCommCtrlr', variableName), value: '1', mutability: 'ReadWrite', dataType: 'integer', unit: null, minLimit: null, maxLimit: null, valuesList: null });
    const generatedAt = new Date();
    for (let round = 0; round < 5; round++) {
      const outcomes = await Promise.all([
        recordReportPart(db, ref, { requestId: 100 + round, seqNo: 0, isLast: false, generatedAt, attributes: [attribute('First')] }),
        recordReportPart(db, ref, { requestId: 100 + round, seqNo: 1, isLast: true, generatedAt, attributes: [attribute('Second')] }),
      ]);
      expect(outcomes.filter((outcome) => outcome === 'completed')).toHaveLength(1);
    }
    expect((await modelOf(charger.id)).map((row) => row.variableName)).toEqual(['First', 'Second']);
  });
});

describe('the 2.0.1 simulator\'s device model through the command bus', () => {
  it('sends its report in several parts, which become the charger\'s model', async () => {
    const { charger, simulator } = await startSimulator201();
    await sendCommand(db, { ...commandBy(charger.id), action: 'GetBaseReport', payload: { requestId: 7, reportBase: 'FullInventory' } });
    const model = await waitFor(async () => {
      const rows = await modelOf(charger.id);
      return rows.length > 0 && rows;
    });
    expect(model).toHaveLength(simulator.deviceModel.length);
    // Four variables a part (its DeviceDataCtrlr ItemsPerMessage), each part logged as the charger sent it.
    const parts = await waitFor(async () => {
      const rows = await db.select().from(ocppMessages).where(and(eq(ocppMessages.chargerId, charger.id), eq(ocppMessages.action, 'NotifyReport'), eq(ocppMessages.messageType, 'call')));
      return rows.length >= Math.ceil(simulator.deviceModel.length / 4) && rows;
    });
    const partCount = Math.ceil(simulator.deviceModel.length / 4);
    expect(partCount).toBeGreaterThan(1);
    expect(parts.map((row) => (row.payload as { seqNo: number }).seqNo).sort((a, b) => a - b)).toEqual(Array.from({ length: partCount }, (_, seqNo) => seqNo));
    expect(model.find((row) => row.variableName === 'ItemsPerMessage')).toMatchObject({ componentName: 'DeviceDataCtrlr', variableInstance: 'GetReport', value: '4', mutability: 'ReadOnly' });
    expect(model.filter((row) => row.componentName === 'EVSE').map((row) => row.evseId)).toEqual(expect.arrayContaining([1, 2]));
  });

  it('sets a variable (Accepted), refuses a read-only one (Rejected), asks a restart for another, and stores each answer', async () => {
    const { charger } = await startSimulator201();
    await sendCommand(db, { ...commandBy(charger.id), action: 'GetBaseReport', payload: { requestId: 8, reportBase: 'FullInventory' } });
    await waitFor(async () => (await modelOf(charger.id)).length > 10);
    const variables = [
      { ...station('OCPPCommCtrlr', 'HeartbeatInterval'), value: '120' },
      { ...station('SecurityCtrlr', 'SecurityProfile'), value: '3' },
      { ...station('OCPPCommCtrlr', 'WebSocketPingInterval'), value: '60' },
    ];
    const set = await sendCommand(db, { ...commandBy(charger.id), action: 'SetVariables', payload: { variables } });
    expect(set).toMatchObject({ ok: true, value: { status: 'accepted' } });
    const results = (set.ok ? set.value.response?.setVariableResult : []) as { variable: { name: string }; attributeStatus: string }[];
    expect(results.map((result) => [result.variable.name, result.attributeStatus])).toEqual([
      ['HeartbeatInterval', 'Accepted'],
      ['SecurityProfile', 'Rejected'],
      ['WebSocketPingInterval', 'RebootRequired'],
    ]);
    const stored = Object.fromEntries((await modelOf(charger.id)).map((row) => [row.variableName, row]));
    expect(stored.HeartbeatInterval).toMatchObject({ value: '120', lastSetStatus: 'Accepted' });
    expect(stored.SecurityProfile).toMatchObject({ value: '1', lastSetStatus: 'Rejected' });
    expect(stored.WebSocketPingInterval).toMatchObject({ value: '30', lastSetStatus: 'RebootRequired' });

    const read = await sendCommand(db, { ...commandBy(charger.id), action: 'GetVariables', payload: { variables: [station('OCPPCommCtrlr', 'HeartbeatInterval'), station('NoSuchCtrlr', 'Anything')] } });
    expect(read.ok && read.value.response?.getVariableResult).toMatchObject([
      { attributeStatus: 'Accepted', attributeValue: '120' },
      { attributeStatus: 'UnknownComponent' },
    ]);
  });

  it('refuses the device model commands to a 1.6 charger, which has configuration keys instead', async () => {
    const client = await suite.connect(suite.server, { identity: suite.fixture.charger.identity });
    expect(client).toBeDefined();
    const refresh = await sendCommand(db, { ...commandBy(suite.fixture.charger.id), action: 'GetBaseReport', payload: { requestId: 9, reportBase: 'FullInventory' } });
    expect(refresh).toMatchObject({ ok: true, value: { status: 'failed' } });
    expect(await db.select().from(deviceVariables).where(and(eq(deviceVariables.chargerId, suite.fixture.charger.id)))).toHaveLength(0);
  });
});
