import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sendCommand } from '../../domain/commands/send';
import { generateSecret, hashSecret } from '../../domain/crypto/secret';
import { setChargerPasswordHash } from '../../domain/data/chargers';
import type { OcppServer } from '../src/start';
import { chargerWithPassword, storedTraffic } from './password-change';
import { connectClient, startTestServer, testDb, waitFor } from './helpers';
import { startSimulator, stopSimulators } from './simulators';

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

describe('sending a charger a new password (AuthorizationKey)', () => {
  it('is taken by the charger, which logs in with it; from then on the old password is refused, and no table holds the new one', async () => {
    const { charger, password, changePassword, stored } = await chargerWithPassword(db);
    const simulator = await startSimulator(server, { identity: charger.identity, password });

    const outcome = await changePassword();
    expect(outcome).toMatchObject({ ok: true, value: { status: 'accepted', response: { status: 'Accepted' } } });
    const newPassword = await waitFor(async () => simulator.password !== password && simulator.isConnected && simulator.password);
    expect(newPassword).toMatch(/^[0-9a-f]{40}$/);
    await waitFor(async () => (await stored()).nextPasswordHash === null);
    expect((await stored()).passwordHash).toBe(hashSecret(newPassword));

    await server.messageLog.flush();
    const traffic = await storedTraffic(db, charger.id);
    expect(traffic).toContain('AuthorizationKey');
    expect(traffic).not.toContain(newPassword);

    await expect(connectClient(server, { identity: charger.identity, password })).rejects.toMatchObject({ code: 401 });
    const again = await connectClient(server, { identity: charger.identity, password: newPassword });
    await again.close({ force: true });
  });

  it('keeps the old password alone when the charger refuses the new one or does not know the key', async () => {
    for (const newPasswords of ['refuse', 'unknownKey'] as const) {
      const { charger, password, changePassword, stored } = await chargerWithPassword(db);
      const simulator = await startSimulator(server, { identity: charger.identity, password, newPasswords });
      const outcome = await changePassword();
      expect(outcome).toMatchObject({ ok: true, value: { status: 'rejected', error: newPasswords === 'refuse' ? 'Rejected' : 'NotSupported' } });
      expect(await stored()).toEqual({ passwordHash: hashSecret(password), nextPasswordHash: null });
      expect(simulator.password).toBe(password);
      await stopSimulators();
    }
  });

  it('lets in both passwords while the charger has not answered, until the owner sets one by hand', async () => {
    const { account, charger, password, changePassword, stored } = await chargerWithPassword(db);
    await startSimulator(server, { identity: charger.identity, password, ignoreActions: ['ChangeConfiguration'] });
    const outcome = await changePassword();
    expect(outcome).toMatchObject({ ok: true, value: { status: 'timeout' } });
    // The charger may have taken the key and lost only its answer: it must not be locked out.
    const waiting = await stored();
    expect(waiting).toMatchObject({ passwordHash: hashSecret(password), nextPasswordHash: expect.stringMatching(/^sha256\$/) });
    await stopSimulators();
    const old = await connectClient(server, { identity: charger.identity, password });
    await old.close({ force: true });

    const byHand = generateSecret();
    await setChargerPasswordHash(db, { accountId: account.id, chargerId: charger.id, passwordHash: hashSecret(byHand) });
    expect(await stored()).toEqual({ passwordHash: hashSecret(byHand), nextPasswordHash: null });
  });

  it('hides an AuthorizationKey a charger reports in its configuration, in the command’s answer and in the message log', async () => {
    const { account, charger, password } = await chargerWithPassword(db);
    const client = await connectClient(server, { identity: charger.identity, password });
    client.handle('GetConfiguration', async () => ({ configurationKey: [{ key: 'AuthorizationKey', readonly: false, value: 'told-by-the-charger-0123' }, { key: 'HeartbeatInterval', readonly: false, value: '300' }] }));
    try {
      const outcome = await sendCommand(db, { accountId: account.id, chargerId: charger.id, requestedBy: account.owner.id, action: 'GetConfiguration', payload: {} });
      expect(outcome).toMatchObject({ ok: true, value: { status: 'accepted', response: { configurationKey: [{ key: 'AuthorizationKey', value: '(hidden)' }, { key: 'HeartbeatInterval', value: '300' }] } } });
      await server.messageLog.flush();
      const traffic = await storedTraffic(db, charger.id);
      expect(traffic).toContain('HeartbeatInterval');
      expect(traffic).not.toContain('told-by-the-charger-0123');
    } finally {
      await client.close({ force: true });
    }
  });
});
