import type { RPCClient } from 'ocpp-rpc';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sendCommand } from '../../domain/commands/send';
import { generateSecret, hashSecret } from '../../domain/crypto/secret';
import { setChargerPasswordHash } from '../../domain/data/chargers';
import type { OcppServer } from '../src/start';
import { chargerWithPassword, storedTraffic } from './password-change';
import { connectClient, startTestServer, testDb, waitFor } from './helpers';
import { startSimulator, startSimulator201, stopSimulators } from './simulators';

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

type Login = { identity: string; password: string };
type Refusal = 'refuse' | 'unknown';
type CommandScope = { accountId: string; chargerId: string; requestedBy: string };

// What differs between the protocols: where the password lives (1.6 AuthorizationKey, 2.0.1
// SecurityCtrlr.BasicAuthPassword), how a charger says it has no such setting, and how it reports its settings.
const protocols = [
  {
    protocol: 'OCPP 1.6',
    setting: 'AuthorizationKey',
    protocols: undefined,
    simulate: ({ identity, password }: Login, refusal?: Refusal) =>
      startSimulator(server, { identity, password, ...(refusal ? { newPasswords: refusal === 'refuse' ? 'refuse' : 'unknownKey' } : {}) }),
    // A charger that takes the command and never answers.
    silent: async ({ identity, password }: Login) => {
      await startSimulator(server, { identity, password, ignoreActions: ['ChangeConfiguration'] });
      return stopSimulators;
    },
    reportsSecret: (client: RPCClient, secret: string) =>
      client.handle('GetConfiguration', async () => ({ configurationKey: [{ key: 'AuthorizationKey', readonly: false, value: secret }, { key: 'HeartbeatInterval', readonly: false, value: '300' }] })),
    readSettings: (scope: CommandScope) => sendCommand(db, { ...scope, action: 'GetConfiguration', payload: {} }),
    hiddenAnswer: { configurationKey: [{ key: 'AuthorizationKey', value: '(hidden)' }, { key: 'HeartbeatInterval', value: '300' }] },
  },
  {
    protocol: 'OCPP 2.0.1',
    setting: 'BasicAuthPassword',
    protocols: ['ocpp2.0.1'],
    simulate: ({ identity, password }: Login, refusal?: Refusal) =>
      startSimulator201(server, { identity, password, evses: 1, ...(refusal ? { newPasswords: refusal === 'refuse' ? 'refuse' : 'unknownVariable' } : {}) }),
    silent: async ({ identity, password }: Login) => {
      const client = await connectClient(server, { identity, password, protocols: ['ocpp2.0.1'] });
      client.handle('SetVariables', () => new Promise(() => {}));
      return () => client.close({ force: true });
    },
    reportsSecret: (client: RPCClient, secret: string) =>
      client.handle('GetVariables', async () => ({
        getVariableResult: [
          { attributeStatus: 'Accepted', component: { name: 'SecurityCtrlr' }, variable: { name: 'BasicAuthPassword' }, attributeValue: secret },
          { attributeStatus: 'Accepted', component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' }, attributeValue: '300' },
        ],
      })),
    readSettings: (scope: CommandScope) =>
      sendCommand(db, {
        ...scope,
        action: 'GetVariables',
        payload: {
          variables: [
            { componentName: 'SecurityCtrlr', componentInstance: '', evseId: 0, connectorId: 0, variableName: 'BasicAuthPassword', variableInstance: '', attributeType: 'Actual' },
            { componentName: 'OCPPCommCtrlr', componentInstance: '', evseId: 0, connectorId: 0, variableName: 'HeartbeatInterval', variableInstance: '', attributeType: 'Actual' },
          ],
        },
      }),
    hiddenAnswer: { getVariableResult: [{ attributeValue: '(hidden)' }, { attributeValue: '300' }] },
  },
];

describe.each(protocols)('sending an $protocol charger a new password ($setting)', ({ setting, protocols: offered, simulate, silent, reportsSecret, readSettings, hiddenAnswer }) => {
  const connect = (login: Login) => connectClient(server, { ...login, ...(offered ? { protocols: offered } : {}) });

  it('is taken by the charger, which logs in with it; from then on the old password is refused, and no table holds the new one', async () => {
    const { charger, password, changePassword, stored } = await chargerWithPassword(db);
    const simulator = await simulate({ identity: charger.identity, password });

    const outcome = await changePassword();
    expect(outcome).toMatchObject({ ok: true, value: { status: 'accepted', response: { status: 'Accepted' } } });
    const newPassword = await waitFor(async () => simulator.password !== password && simulator.isConnected && simulator.password);
    expect(newPassword).toMatch(/^[0-9a-f]{40}$/);
    await waitFor(async () => (await stored()).nextPasswordHash === null);
    expect((await stored()).passwordHash).toBe(hashSecret(newPassword));

    await server.messageLog.flush();
    const traffic = await storedTraffic(db, charger.id);
    expect(traffic).toContain(setting);
    expect(traffic).not.toContain(newPassword);

    await expect(connect({ identity: charger.identity, password })).rejects.toMatchObject({ code: 401 });
    const again = await connect({ identity: charger.identity, password: newPassword });
    await again.close({ force: true });
  });

  it('keeps the old password alone when the charger refuses the new one or does not have the setting', async () => {
    for (const [refusal, error] of [['refuse', 'Rejected'], ['unknown', 'NotSupported']] as const) {
      const { charger, password, changePassword, stored } = await chargerWithPassword(db);
      const simulator = await simulate({ identity: charger.identity, password }, refusal);
      const outcome = await changePassword();
      expect(outcome).toMatchObject({ ok: true, value: { status: 'rejected', error } });
      expect(await stored()).toEqual({ passwordHash: hashSecret(password), nextPasswordHash: null });
      expect(simulator.password).toBe(password);
      await stopSimulators();
    }
  });

  it('lets in both passwords while the charger has not answered, until the owner sets one by hand', async () => {
    const { account, charger, password, changePassword, stored } = await chargerWithPassword(db);
    const hangUp = await silent({ identity: charger.identity, password });
    try {
      const outcome = await changePassword();
      expect(outcome).toMatchObject({ ok: true, value: { status: 'timeout' } });
      // The charger may have taken the password and lost only its answer: it must not be locked out.
      expect(await stored()).toMatchObject({ passwordHash: hashSecret(password), nextPasswordHash: expect.stringMatching(/^sha256\$/) });
    } finally {
      await hangUp();
    }
    const old = await connect({ identity: charger.identity, password });
    await old.close({ force: true });

    const byHand = generateSecret();
    await setChargerPasswordHash(db, { accountId: account.id, chargerId: charger.id, passwordHash: hashSecret(byHand) });
    expect(await stored()).toEqual({ passwordHash: hashSecret(byHand), nextPasswordHash: null });
  });

  it(`hides the ${setting} a charger reports among its settings, in the command’s answer and in the message log`, async () => {
    const { account, charger, password } = await chargerWithPassword(db);
    const client = await connect({ identity: charger.identity, password });
    reportsSecret(client, 'told-by-the-charger-0123');
    try {
      const outcome = await readSettings({ accountId: account.id, chargerId: charger.id, requestedBy: account.owner.id });
      expect(outcome).toMatchObject({ ok: true, value: { status: 'accepted', response: hiddenAnswer } });
      await server.messageLog.flush();
      const traffic = await storedTraffic(db, charger.id);
      expect(traffic).toContain('HeartbeatInterval');
      expect(traffic).not.toContain('told-by-the-charger-0123');
    } finally {
      await client.close({ force: true });
    }
  });
});
