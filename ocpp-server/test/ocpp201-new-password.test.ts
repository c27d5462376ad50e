import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sendCommand } from '../../domain/commands/send';
import { hashSecret } from '../../domain/crypto/secret';
import type { OcppServer } from '../src/start';
import { chargerWithPassword, storedTraffic } from './password-change';
import { connectClient, startTestServer, testDb, waitFor } from './helpers';
import { startSimulator201, stopSimulators } from './simulators';

const { db, sql } = testDb();
let server: OcppServer;

beforeAll(async () => {
  server = await startTestServer({ callTimeoutMs: 700 });
});

afterEach(() => stopSimulators());

afterAll(async () => {
  await server?.close();
  await sql.end();
});

describe('sending a 2.0.1 charger a new password (SecurityCtrlr.BasicAuthPassword)', () => {
  it('is set by SetVariables and the station logs in with it; from then on the old password is refused, and no table holds the new one', async () => {
    const { charger, password, changePassword, stored } = await chargerWithPassword(db);
    const simulator = await startSimulator201(server, { identity: charger.identity, password, evses: 1 });

    const outcome = await changePassword();
    expect(outcome).toMatchObject({ ok: true, value: { status: 'accepted', response: { status: 'Accepted' } } });
    const newPassword = await waitFor(async () => simulator.password !== password && simulator.isConnected && simulator.password);
    expect(newPassword).toMatch(/^[0-9a-f]{40}$/);
    await waitFor(async () => (await stored()).nextPasswordHash === null);
    expect((await stored()).passwordHash).toBe(hashSecret(newPassword));

    await server.messageLog.flush();
    const traffic = await storedTraffic(db, charger.id);
    expect(traffic).toContain('BasicAuthPassword');
    expect(traffic).not.toContain(newPassword);

    await expect(connectClient(server, { identity: charger.identity, password, protocols: ['ocpp2.0.1'] })).rejects.toMatchObject({ code: 401 });
    const again = await connectClient(server, { identity: charger.identity, password: newPassword, protocols: ['ocpp2.0.1'] });
    await again.close({ force: true });
  });

  it('keeps the old password alone when the station refuses the new one or has no such variable', async () => {
    for (const [newPasswords, error] of [['refuse', 'Rejected'], ['unknownVariable', 'NotSupported']] as const) {
      const { charger, password, changePassword, stored } = await chargerWithPassword(db);
      const simulator = await startSimulator201(server, { identity: charger.identity, password, evses: 1, newPasswords });
      const outcome = await changePassword();
      expect(outcome).toMatchObject({ ok: true, value: { status: 'rejected', error } });
      expect(await stored()).toEqual({ passwordHash: hashSecret(password), nextPasswordHash: null });
      expect(simulator.password).toBe(password);
      await stopSimulators();
    }
  });

  it('lets in both passwords while the station has not answered', async () => {
    const { charger, password, changePassword, stored } = await chargerWithPassword(db);
    const client = await connectClient(server, { identity: charger.identity, password, protocols: ['ocpp2.0.1'] });
    client.handle('SetVariables', () => new Promise(() => {}));
    try {
      const outcome = await changePassword();
      expect(outcome).toMatchObject({ ok: true, value: { status: 'timeout' } });
      expect(await stored()).toMatchObject({ passwordHash: hashSecret(password), nextPasswordHash: expect.stringMatching(/^sha256\$/) });
    } finally {
      await client.close({ force: true });
    }
    const old = await connectClient(server, { identity: charger.identity, password, protocols: ['ocpp2.0.1'] });
    await old.close({ force: true });
  });

  it('hides a BasicAuthPassword a station reports in a GetVariables answer, in the command’s answer and in the message log', async () => {
    const { account, charger, password } = await chargerWithPassword(db);
    const client = await connectClient(server, { identity: charger.identity, password, protocols: ['ocpp2.0.1'] });
    client.handle('GetVariables', async () => ({
      getVariableResult: [
        { attributeStatus: 'Accepted', component: { name: 'SecurityCtrlr' }, variable: { name: 'BasicAuthPassword' }, attributeValue: 'told-by-the-station-0123' },
        { attributeStatus: 'Accepted', component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' }, attributeValue: '300' },
      ],
    }));
    const ref = (componentName: string, variableName: string) => ({ componentName, componentInstance: '', evseId: 0, connectorId: 0, variableName, variableInstance: '', attributeType: 'Actual' });
    try {
      const variables = [ref('SecurityCtrlr', 'BasicAuthPassword'), ref('OCPPCommCtrlr', 'HeartbeatInterval')];
      const outcome = await sendCommand(db, { accountId: account.id, chargerId: charger.id, requestedBy: account.owner.id, action: 'GetVariables', payload: { variables } });
      expect(outcome).toMatchObject({ ok: true, value: { status: 'accepted', response: { getVariableResult: [{ attributeValue: '(hidden)' }, { attributeValue: '300' }] } } });
      await server.messageLog.flush();
      const traffic = await storedTraffic(db, charger.id);
      expect(traffic).toContain('HeartbeatInterval');
      expect(traffic).not.toContain('told-by-the-station-0123');
    } finally {
      await client.close({ force: true });
    }
  });
});
