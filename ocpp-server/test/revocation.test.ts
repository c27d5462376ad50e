import { once } from 'node:events';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { chargers } from '../../db/schema';
import { makeAccount, makeCharger } from '../../db/seed/builders';
import { hashSecret } from '../../domain/crypto/secret';
import { removeCharger, setChargerPasswordHash, setSecurityProfile } from '../../domain/data/chargers';
import type { OcppServer } from '../src/start';
import { connectClient, startTestServer, testDb } from './helpers';

// The server also closes revoked sockets at its sweeps (on a timer and whenever its LISTEN connection starts). While
// `isBlind`, a sweep finds nothing to close, so a socket that closes then was closed by the revocation's NOTIFY.
const sweeps = vi.hoisted(() => ({ isBlind: false }));
vi.mock('../../domain/data/charger-traffic/chargers', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../domain/data/charger-traffic/chargers')>();
  return {
    ...actual,
    findRevokedChargers: (...args: Parameters<typeof actual.findRevokedChargers>) => (sweeps.isBlind ? Promise.resolve([]) : actual.findRevokedChargers(...args)),
  };
});

const { db, sql } = testDb();
let server: OcppServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server?.close();
  await sql.end();
});

async function connectedCharger(password: string) {
  const account = await makeAccount(db);
  const charger = await makeCharger(db, { accountId: account.id, passwordHash: hashSecret(password) });
  const client = await connectClient(server, { identity: charger.identity, password });
  expect(await client.call('Heartbeat', {})).toHaveProperty('currentTime');
  return { scope: { accountId: account.id, chargerId: charger.id }, identity: charger.identity, client };
}

// Without the NOTIFY the socket stays open (no sweep can close it meanwhile) and the test times out.
async function closesOnNotify(client: Awaited<ReturnType<typeof connectClient>>, revoke: () => Promise<{ ok: boolean }>) {
  sweeps.isBlind = true;
  try {
    const closed = once(client, 'close');
    expect((await revoke()).ok).toBe(true);
    await closed;
  } finally {
    sweeps.isBlind = false;
  }
}

describe('revoked charger credentials', () => {
  it('disconnects a charger whose password is regenerated; only the new password gets back in', async () => {
    const { scope, identity, client } = await connectedCharger('old-password');
    await closesOnNotify(client, () => setChargerPasswordHash(db, { ...scope, passwordHash: hashSecret('new-password') }));

    await expect(connectClient(server, { identity, password: 'old-password' })).rejects.toMatchObject({ code: 401 });
    const renewed = await connectClient(server, { identity, password: 'new-password' });
    expect(await renewed.call('Heartbeat', {})).toHaveProperty('currentTime');
    await renewed.close();
  });

  it('disconnects a removed charger, which cannot connect again', async () => {
    const { scope, identity, client } = await connectedCharger('some-password');
    await closesOnNotify(client, () => removeCharger(db, scope));

    await expect(connectClient(server, { identity, password: 'some-password' })).rejects.toMatchObject({ code: 404 });
  });

  it('closes a socket whose revocation NOTIFY it missed at the next sweep', async () => {
    const { scope, client } = await connectedCharger('swept-password');
    const closed = once(client, 'close');
    // Written without NOTIFY, as if the LISTEN connection had been down when the change was committed.
    await db.update(chargers).set({ passwordHash: hashSecret('changed') }).where(eq(chargers.id, scope.chargerId));
    // The sweep closes the socket before it returns; the charger sees the close a moment later.
    await server.revocations.sweep();
    await closed;
  });

  it('disconnects a charger whose security profile changes, which is then checked under the new one', async () => {
    const { scope, identity, client } = await connectedCharger('profile-password');
    await closesOnNotify(client, () => setSecurityProfile(db, { ...scope, securityProfile: 2 }));
    await expect(connectClient(server, { identity, password: 'profile-password' })).rejects.toMatchObject({ code: 400 });
  });

  it('closes, at the next sweep, a socket whose charger was moved to another security profile without a NOTIFY', async () => {
    const { scope, client } = await connectedCharger('profile-swept');
    const closed = once(client, 'close');
    await db.update(chargers).set({ securityProfile: 2 }).where(eq(chargers.id, scope.chargerId));
    await server.revocations.sweep();
    await closed;
  });
});
