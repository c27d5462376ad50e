import { once } from 'node:events';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chargers } from '../../db/schema';
import { makeAccount, makeCharger } from '../../db/seed/builders';
import { hashSecret } from '../../domain/crypto/secret';
import { removeCharger, setChargerPasswordHash } from '../../domain/data/chargers';
import type { OcppServer } from '../src/start';
import { connectClient, startTestServer, testDb } from './helpers';

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

// Resolves with the time the socket took to close, or rejects past the bound.
async function closesWithin(client: Awaited<ReturnType<typeof connectClient>>, boundMs: number, revoke: () => Promise<{ ok: boolean }>) {
  const closed = once(client, 'close', { signal: AbortSignal.timeout(boundMs) });
  const began = Date.now();
  expect((await revoke()).ok).toBe(true);
  await closed;
  return Date.now() - began;
}

describe('revoked charger credentials', () => {
  it('disconnects a charger whose password is regenerated; only the new password gets back in', async () => {
    const { scope, identity, client } = await connectedCharger('old-password');
    await closesWithin(client, 2_000, () => setChargerPasswordHash(db, { ...scope, passwordHash: hashSecret('new-password') }));

    await expect(connectClient(server, { identity, password: 'old-password' })).rejects.toMatchObject({ code: 401 });
    const renewed = await connectClient(server, { identity, password: 'new-password' });
    expect(await renewed.call('Heartbeat', {})).toHaveProperty('currentTime');
    await renewed.close();
  });

  it('disconnects a removed charger, which cannot connect again', async () => {
    const { scope, identity, client } = await connectedCharger('some-password');
    await closesWithin(client, 2_000, () => removeCharger(db, scope));

    await expect(connectClient(server, { identity, password: 'some-password' })).rejects.toMatchObject({ code: 404 });
  });

  it('closes a socket whose revocation NOTIFY it missed at the next sweep', async () => {
    const { scope, client } = await connectedCharger('swept-password');
    const closed = once(client, 'close', { signal: AbortSignal.timeout(2_000) });
    // Written without NOTIFY, as if the LISTEN connection had been down when the change was committed.
    await db.update(chargers).set({ passwordHash: hashSecret('changed') }).where(eq(chargers.id, scope.chargerId));
    await server.revocations.sweep();
    await closed;
  });
});
