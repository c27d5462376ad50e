// Security profiles per charger (OCPP 1.6 security whitepaper, edition 3, §2; 2.0.1 A00–A05) over real sockets: one
// plain ws:// server and one wss:// server that asks for client certificates, both on the test database.
import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { chargerCertificates, chargerCommands, chargers, connectionRefusals } from '../../db/schema';
import { makeAccount, makeCharger } from '../../db/seed/builders';
import { createCertificateAuthority, type CertificateAuthority } from '../../domain/certificates/x509-issuer';
import { sendCommand } from '../../domain/commands/send';
import { hashSecret } from '../../domain/crypto/secret';
import { createLogger } from '../src/logger';
import { RPCClient } from '../src/ocpp/rpc';
import { createAuthorityProvider } from '../src/platform-ca';
import type { OcppServer } from '../src/start';
import { freePort, startTestServer, TEST_AUTH_SECRET, testDb, waitFor, waitUntilHeld } from './helpers';
import { startSimulator, startSimulator201, stopSimulators } from './simulators';
import { clientCertificate, csrFor, serverTls } from './tls-fixtures';

const { db, sql } = testDb();
const PASSWORD = 'profile-password-0123456789';
let plain: OcppServer;
let secure: OcppServer;
let trustedCa: string;
let platformCa: CertificateAuthority;
let accountId: string;
let ownerId: string;

beforeAll(async () => {
  const fixture = await serverTls();
  trustedCa = fixture.trustedCa;
  // The address chargers are told, on both servers: a 2.0.1 charger whose profile is raised is sent it in its new
  // network profile.
  const securePort = await freePort();
  const publicUrl = `wss://127.0.0.1:${securePort}`;
  secure = await startTestServer({ tls: fixture.tls, port: securePort, publicUrl });
  plain = await startTestServer({ publicUrl });
  platformCa = (await createAuthorityProvider({ db, source: { files: null, secret: TEST_AUTH_SECRET }, log: createLogger('silent') }).get())!;
  const account = await makeAccount(db);
  accountId = account.id;
  ownerId = account.owner.id;
});
afterEach(async () => {
  await stopSimulators();
});
afterAll(async () => {
  await plain?.close();
  await secure?.close();
  await sql.end();
});

type Login = { password?: string; cert?: string; key?: string };

// One connection attempt; 'open' once let in (then closed), or the HTTP status the upgrade was refused with.
async function attempt(scheme: 'ws' | 'wss', identity: string, { password, cert, key }: Login = {}) {
  const server = scheme === 'ws' ? plain : secure;
  const headers: Record<string, string> = password ? { authorization: `Basic ${Buffer.from(`${identity}:${password}`).toString('base64')}` } : {};
  const socket = new WebSocket(`${scheme}://127.0.0.1:${server.port}/ocpp/${identity}`, ['ocpp1.6'], { headers, ca: trustedCa, cert, key });
  const outcome = await new Promise<number | 'open' | 'error'>((resolve) => {
    socket.once('open', () => resolve('open'));
    socket.once('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
    socket.once('error', () => resolve('error'));
  });
  socket.terminate();
  await waitFor(async () => server.connections.size === 0);
  return outcome;
}

const chargerWith = (securityProfile: number) => makeCharger(db, { accountId, securityProfile, passwordHash: hashSecret(PASSWORD) });

async function refusalReasons(chargerId: string) {
  const rows = await waitFor(async () => {
    const found = await db.select({ reason: connectionRefusals.reason }).from(connectionRefusals).where(eq(connectionRefusals.chargerId, chargerId));
    return found.length > 0 && found;
  });
  return rows.map((row) => row.reason).sort();
}

describe('security profile 1 and 2', () => {
  it('lets a profile 1 charger in with its password over ws and over wss', async () => {
    const charger = await chargerWith(1);
    expect(await attempt('ws', charger.identity, { password: PASSWORD })).toBe('open');
    expect(await attempt('wss', charger.identity, { password: PASSWORD })).toBe('open');
  });

  it('refuses a profile 2 charger on plain ws, says why on its page, and lets it in over wss with its password only', async () => {
    const charger = await chargerWith(2);
    expect(await attempt('ws', charger.identity, { password: PASSWORD })).toBe(400);
    expect(await refusalReasons(charger.id)).toEqual(['tlsRequired']);
    expect(await attempt('wss', charger.identity, { password: 'not-the-password' })).toBe(401);
    expect(await attempt('wss', charger.identity, { password: PASSWORD })).toBe('open');
  });
});

// A client certificate the platform CA signs for this charger, recorded as the platform records what it signs.
async function signedFor(charger: { id: string; identity: string; accountId: string }) {
  const issued = await clientCertificate(platformCa, charger.identity);
  await db.insert(chargerCertificates).values({ chargerId: charger.id, accountId: charger.accountId, outcome: 'signed', serialNumber: issued.serialNumber, certificate: issued.cert, notAfter: issued.notAfter });
  return issued;
}

describe('security profile 3', () => {
  it('lets the charger in over wss with the certificate the platform CA signed for it, without a password', async () => {
    const charger = await chargerWith(3);
    expect(await attempt('wss', charger.identity, await signedFor(charger))).toBe('open');
  });

  it('refuses a certificate signed for a removed charger of the same ID, and one the charger has since renewed', async () => {
    const removed = await chargerWith(3);
    const removedOnes = await signedFor(removed);
    await db.update(chargers).set({ deletedAt: new Date() }).where(eq(chargers.id, removed.id));
    const other = await makeAccount(db);
    const charger = await makeCharger(db, { accountId: other.id, identity: removed.identity, securityProfile: 3 });
    expect(await attempt('wss', charger.identity, removedOnes)).toBe(401);
    expect(await refusalReasons(charger.id)).toEqual(['staleClientCertificate']);

    const first = await signedFor(charger);
    await signedFor(charger);
    expect(await attempt('wss', charger.identity, first)).toBe(401);
  });

  it('refuses it without a certificate, with another charger’s, with one another CA signed, and on plain ws', async () => {
    const charger = await chargerWith(3);
    const other = await chargerWith(3);
    const { authority: strangerCa } = await createCertificateAuthority('Someone else');
    expect(await attempt('wss', charger.identity, { password: PASSWORD })).toBe(401);
    expect(await attempt('wss', charger.identity, await clientCertificate(platformCa, other.identity))).toBe(401);
    expect(await attempt('wss', charger.identity, await clientCertificate(strangerCa, charger.identity))).toBe(401);
    expect(await attempt('ws', charger.identity, await clientCertificate(platformCa, charger.identity))).toBe(400);
    await waitFor(async () => (await refusalReasons(charger.id)).length === 4);
    expect(await refusalReasons(charger.id)).toEqual(['noClientCertificate', 'tlsRequired', 'untrustedClientCertificate', 'wrongClientCertificate']);
  });
});

const isOnline = async (chargerId: string) => (await db.select({ isOnline: chargers.isOnline, connectedAt: chargers.connectedAt }).from(chargers).where(eq(chargers.id, chargerId)))[0];

describe('SignCertificate', () => {
  it('signs no more than ten requests an hour from one charger, and records the refusal once however many more come', async () => {
    const charger = await makeCharger(db, { accountId });
    const client = new RPCClient({ endpoint: `ws://127.0.0.1:${plain.port}/ocpp`, identity: charger.identity, protocols: ['ocpp1.6'], strictMode: false, reconnect: false } as ConstructorParameters<typeof RPCClient>[0]);
    await client.connect();
    try {
      for (let request = 0; request < 10; request++) expect(await client.call('SignCertificate', { csr: await csrFor('SOMEONE-ELSE') })).toEqual({ status: 'Rejected' });
      // A good request now: refused, as are the ones after it.
      for (let request = 0; request < 3; request++) expect(await client.call('SignCertificate', { csr: await csrFor(charger.identity) })).toEqual({ status: 'Rejected' });
    } finally {
      await client.close({ force: true });
    }
    const outcomes = await db.select({ outcome: chargerCertificates.outcome }).from(chargerCertificates).where(eq(chargerCertificates.chargerId, charger.id));
    expect(outcomes.filter((row) => row.outcome === 'wrongIdentity')).toHaveLength(10);
    expect(outcomes.filter((row) => row.outcome !== 'wrongIdentity')).toEqual([{ outcome: 'tooManyRequests' }]);
    expect(await db.select().from(chargerCommands).where(eq(chargerCommands.chargerId, charger.id))).toEqual([]);
  });

  it('signs the CSR the simulator sends when asked to renew, and the charger then logs in with that certificate under profile 3', async () => {
    const charger = await makeCharger(db, { accountId });
    const simulator = await startSimulator(secure, {
      identity: charger.identity,
      url: `wss://127.0.0.1:${secure.port}/ocpp`,
      clientCertificate: { serverCa: trustedCa, reconnectsWithCertificate: true },
    });
    const before = await waitFor(async () => (await isOnline(charger.id))?.isOnline && (await isOnline(charger.id)));
    await db.update(chargers).set({ securityProfile: 3 }).where(eq(chargers.id, charger.id));
    const renew = await sendCommand(db, { accountId, chargerId: charger.id, action: 'ExtendedTriggerMessage', payload: { requestedMessage: 'SignChargePointCertificate' }, requestedBy: ownerId });
    expect(renew).toMatchObject({ ok: true, value: { status: 'accepted' } });
    const signed = await waitFor(async () => (await db.select().from(chargerCertificates).where(eq(chargerCertificates.chargerId, charger.id)))[0]);
    expect(signed).toMatchObject({ outcome: 'signed', accountId });
    expect(signed.notAfter!.getTime()).toBeGreaterThan(Date.now());
    const delivered = await waitFor(async () => {
      const [row] = await db.select().from(chargerCommands).where(and(eq(chargerCommands.chargerId, charger.id), eq(chargerCommands.action, 'CertificateSigned')));
      return row?.status === 'accepted' && row;
    });
    expect((delivered.payload as { certificateChain: string }).certificateChain).toContain(signed.certificate!.trim());
    expect(simulator.clientCertificate.certificateChain).toContain(signed.certificate!.trim());
    const after = await waitFor(async () => {
      const state = await isOnline(charger.id);
      return state?.isOnline && state.connectedAt! > before.connectedAt! && state;
    });
    expect(after.isOnline).toBe(true);
    expect(await db.select().from(connectionRefusals).where(eq(connectionRefusals.chargerId, charger.id))).toEqual([]);
  });

  it('answers a malformed CSR and one for another identity Rejected, records why, sends no certificate, and goes on', async () => {
    const charger = await makeCharger(db, { accountId });
    const client = new RPCClient({ endpoint: `ws://127.0.0.1:${plain.port}/ocpp`, identity: charger.identity, protocols: ['ocpp1.6'], strictMode: false, reconnect: false } as ConstructorParameters<typeof RPCClient>[0]);
    await client.connect();
    try {
      expect(await client.call('SignCertificate', { csr: '-----BEGIN CERTIFICATE REQUEST-----\nbm90IGEgcmVxdWVzdA==\n-----END CERTIFICATE REQUEST-----' })).toEqual({ status: 'Rejected' });
      expect(await client.call('SignCertificate', { csr: await csrFor('SOMEONE-ELSE') })).toEqual({ status: 'Rejected' });
      expect(await client.call('Heartbeat', {})).toHaveProperty('currentTime');
    } finally {
      await client.close({ force: true });
    }
    const outcomes = await db.select({ outcome: chargerCertificates.outcome, certificate: chargerCertificates.certificate }).from(chargerCertificates).where(eq(chargerCertificates.chargerId, charger.id));
    expect(outcomes.map((row) => row.outcome).sort()).toEqual(['unreadable', 'wrongIdentity']);
    expect(outcomes.every((row) => row.certificate === null)).toBe(true);
    expect(await db.select().from(chargerCommands).where(eq(chargerCommands.chargerId, charger.id))).toEqual([]);
  });
});

const profileOf = async (chargerId: string) =>
  (await db.select({ securityProfile: chargers.securityProfile, nextSecurityProfile: chargers.nextSecurityProfile }).from(chargers).where(eq(chargers.id, chargerId)))[0];

const raise = (chargerId: string, securityProfile: 2 | 3) => sendCommand(db, { accountId, chargerId, action: 'RaiseSecurityProfile', payload: { securityProfile }, requestedBy: ownerId });

// The same raise over either protocol: 1.6 through the SecurityProfile key (the simulator moves to the wss:// address it
// was given), 2.0.1 through a new network profile naming the platform's wss:// address, then a Reset (A05).
type Trusting = { trustsServer: boolean };
const PROTOCOLS = [
  {
    protocol: 'OCPP 1.6',
    start: async (identity: string, { trustsServer }: Trusting) => {
      const clientCertificate = { serverCa: trustedCa, secureUrl: `wss://127.0.0.1:${secure.port}/ocpp` };
      const simulator = await startSimulator(plain, { identity, password: PASSWORD, ...(trustsServer ? { clientCertificate } : {}) });
      return { simulator, securityProfile: () => Number(simulator.configuration.get('SecurityProfile')) };
    },
  },
  {
    protocol: 'OCPP 2.0.1',
    start: async (identity: string, { trustsServer }: Trusting) => {
      const simulator = await startSimulator201(plain, { identity, password: PASSWORD, evses: 1, ...(trustsServer ? { clientCertificate: { serverCa: trustedCa } } : {}) });
      return { simulator, securityProfile: () => simulator.networkProfiles.securityProfile };
    },
  },
];

describe.each(PROTOCOLS)('raising the profile of a charger speaking $protocol', ({ start }) => {
  it('takes a profile 1 charger to 2 and then 3: each time it reconnects meeting the new profile, and the old way in is closed', async () => {
    const charger = await chargerWith(1);
    const { simulator, securityProfile } = await start(charger.identity, { trustsServer: true });
    await waitUntilHeld(db, plain, charger.id);
    expect(await raise(charger.id, 2)).toMatchObject({ ok: true, value: { status: 'accepted' } });
    await waitFor(async () => (await profileOf(charger.id))?.securityProfile === 2);
    expect(await profileOf(charger.id)).toEqual({ securityProfile: 2, nextSecurityProfile: null });
    await waitUntilHeld(db, secure, charger.id);
    expect(securityProfile()).toBe(2);
    expect(await attempt('ws', charger.identity, { password: PASSWORD })).toBe(400);

    const renew = await sendCommand(db, { accountId, chargerId: charger.id, action: 'ExtendedTriggerMessage', payload: { requestedMessage: 'SignChargePointCertificate' }, requestedBy: ownerId });
    expect(renew).toMatchObject({ ok: true, value: { status: 'accepted' } });
    await waitFor(async () => simulator.clientCertificate.certificateChain);
    expect(await raise(charger.id, 3)).toMatchObject({ ok: true, value: { status: 'accepted' } });
    await waitFor(async () => (await profileOf(charger.id))?.securityProfile === 3);
    await waitUntilHeld(db, secure, charger.id);
    expect(securityProfile()).toBe(3);
    await stopSimulators();
    expect(await attempt('wss', charger.identity, { password: PASSWORD })).toBe(401);
  });

  it('keeps the profile and forgets the raise when the charger refuses it (no wss:// server it trusts), and stays connected', async () => {
    const charger = await chargerWith(1);
    const { simulator, securityProfile } = await start(charger.identity, { trustsServer: false });
    await waitUntilHeld(db, plain, charger.id);
    expect(await raise(charger.id, 2)).toMatchObject({ ok: true, value: { status: 'rejected', response: { status: 'Rejected' } } });
    expect(await profileOf(charger.id)).toEqual({ securityProfile: 1, nextSecurityProfile: null });
    expect(securityProfile()).toBe(1);
    expect(simulator.isConnected).toBe(true);
    expect(plain.connections.get(charger.id)).toBeDefined();
  });
});

describe('raising the profile of a 1.6 charger without the security extension', () => {
  it('keeps the profile and forgets the raise when the charger does not know the SecurityProfile key', async () => {
    const older = await chargerWith(1);
    await startSimulator(plain, { identity: older.identity, password: PASSWORD, supportsSecurityExtension: false });
    await waitUntilHeld(db, plain, older.id);
    expect(await raise(older.id, 2)).toMatchObject({ ok: true, value: { status: 'rejected', response: { status: 'NotSupported' } } });
    expect(await profileOf(older.id)).toEqual({ securityProfile: 1, nextSecurityProfile: null });
  });
});

describe('a raise the charger was sent', () => {
  it('still lets the charger in under its old profile while a raise it was sent is pending', async () => {
    const charger = await chargerWith(1);
    await db.update(chargers).set({ nextSecurityProfile: 2 }).where(eq(chargers.id, charger.id));
    expect(await attempt('ws', charger.identity, { password: PASSWORD })).toBe('open');
    expect(await profileOf(charger.id)).toEqual({ securityProfile: 1, nextSecurityProfile: 2 });
    expect(await attempt('wss', charger.identity, { password: 'not-the-password' })).toBe(401);
    expect(await profileOf(charger.id)).toEqual({ securityProfile: 1, nextSecurityProfile: 2 });
    expect(await attempt('wss', charger.identity, { password: PASSWORD })).toBe('open');
    expect(await profileOf(charger.id)).toEqual({ securityProfile: 2, nextSecurityProfile: null });
  });
});
