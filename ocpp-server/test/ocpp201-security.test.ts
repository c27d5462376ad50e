// Security for a charger speaking OCPP 2.0.1 (A: security, M: certificate management, K12/K09 limits), over real
// sockets: one plain ws:// server and one wss:// server that asks for client certificates, both on the test database.
import { readFileSync } from 'node:fs';
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { chargerCertificates, chargerCommands, chargers, ocppMessages, securityEvents } from '../../db/schema';
import { makeAccount, makeCharger } from '../../db/seed/builders';
import { readRootCertificate } from '../../domain/certificates/root-certificate';
import type { CommandAction, CommandPayloads } from '../../domain/commands/actions';
import { sendCommand } from '../../domain/commands/send';
import { hashSecret } from '../../domain/crypto/secret';
import { createLogger } from '../src/logger';
import { RPCClient } from '../src/ocpp/rpc';
import { createAuthorityProvider } from '../src/platform-ca';
import type { OcppServer } from '../src/start';
import { startTestServer, TEST_AUTH_SECRET, testDb, waitFor, waitUntilHeld } from './helpers';
import { startSimulator201, stopSimulators } from './simulators';
import { clientCertificate, csrFor, serverTls } from './tls-fixtures';

const { db, sql } = testDb();
const PASSWORD = 'profile-password-0123456789';
let plain: OcppServer;
let secure: OcppServer;
let trustedCa: string;
let accountId: string;
let ownerId: string;
const clients: InstanceType<typeof RPCClient>[] = [];

beforeAll(async () => {
  const fixture = await serverTls();
  trustedCa = fixture.trustedCa;
  plain = await startTestServer({ callTimeoutMs: 2_000, publicUrl: 'wss://ocpp.example.test' });
  secure = await startTestServer({ tls: fixture.tls });
  const account = await makeAccount(db);
  accountId = account.id;
  ownerId = account.owner.id;
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close({ force: true })));
  await stopSimulators();
  await waitFor(async () => plain.connections.size === 0);
});
afterAll(async () => {
  await plain?.close();
  await secure?.close();
  await sql.end();
});

const pem = (name: string) => readFileSync(new URL(`../../tests/fixtures/certificates/${name}`, import.meta.url), 'utf8');
const chargerWith = (securityProfile: number) => makeCharger(db, { accountId, securityProfile, passwordHash: hashSecret(PASSWORD) });
const send = <A extends CommandAction>(chargerId: string, action: A, payload: CommandPayloads[A]) => sendCommand(db, { accountId, chargerId, requestedBy: ownerId, action, payload });

async function connect201(identity: string, password: string | null = null) {
  const client = new RPCClient({ endpoint: `ws://127.0.0.1:${plain.port}/ocpp`, identity, password, protocols: ['ocpp2.0.1'], strictMode: true, reconnect: false } as ConstructorParameters<typeof RPCClient>[0]);
  clients.push(client);
  await client.connect();
  return client;
}

// One connection attempt offering only ocpp2.0.1: 'open' once let in (then closed), or the HTTP status it was refused with.
async function attempt(scheme: 'ws' | 'wss', identity: string, { password, cert, key }: { password?: string; cert?: string; key?: string } = {}) {
  const server = scheme === 'ws' ? plain : secure;
  const headers: Record<string, string> = password ? { authorization: `Basic ${Buffer.from(`${identity}:${password}`).toString('base64')}` } : {};
  const socket = new WebSocket(`${scheme}://127.0.0.1:${server.port}/ocpp/${identity}`, ['ocpp2.0.1'], { headers, ca: trustedCa, cert, key });
  const outcome = await new Promise<number | 'open' | 'error'>((resolve) => {
    socket.once('open', () => resolve(socket.protocol === 'ocpp2.0.1' ? 'open' : 'error'));
    socket.once('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
    socket.once('error', () => resolve('error'));
  });
  socket.terminate();
  await waitFor(async () => server.connections.size === 0);
  return outcome;
}

describe('security profiles 1–3 for a 2.0.1 charger', () => {
  it('lets profile 1 in with its password over ws and wss, profile 2 only over wss, profile 3 only with the certificate the platform CA signed', async () => {
    const one = await chargerWith(1);
    expect(await attempt('ws', one.identity, { password: PASSWORD })).toBe('open');
    expect(await attempt('wss', one.identity, { password: PASSWORD })).toBe('open');
    expect(await attempt('ws', one.identity, { password: 'not-the-password' })).toBe(401);

    const two = await chargerWith(2);
    expect(await attempt('ws', two.identity, { password: PASSWORD })).toBe(400);
    expect(await attempt('wss', two.identity, { password: PASSWORD })).toBe('open');

    const three = await chargerWith(3);
    const platformCa = (await createAuthorityProvider({ db, source: { files: null, secret: TEST_AUTH_SECRET }, log: createLogger('silent') }).get())!;
    const issued = await clientCertificate(platformCa, three.identity);
    await db.insert(chargerCertificates).values({ chargerId: three.id, accountId, outcome: 'signed', serialNumber: issued.serialNumber, certificate: issued.cert, notAfter: issued.notAfter });
    expect(await attempt('wss', three.identity, { password: PASSWORD })).toBe(401);
    expect(await attempt('wss', three.identity, issued)).toBe('open');
  });

});

const profileOf = async (chargerId: string) =>
  (await db.select({ securityProfile: chargers.securityProfile, nextSecurityProfile: chargers.nextSecurityProfile }).from(chargers).where(eq(chargers.id, chargerId)))[0];

// A station that answers GetVariables with its network priority and default message timeout, records the calls it
// gets with the profile the platform had noted at that moment, and answers the raise's calls as told.
// network: how it answers the read of its priority (the default: Accepted, slots 0 and 1).
type Answers = { network?: { attributeStatus: string; attributeValue?: string }; slot?: () => Promise<unknown>; priority?: () => Promise<unknown>; reset?: () => Promise<unknown> };
async function stationAnswering(chargerId: string, identity: string, answers: Answers) {
  const client = await connect201(identity, PASSWORD);
  const calls: { action: string; params: unknown; noted: Awaited<ReturnType<typeof profileOf>> }[] = [];
  type Params = { setVariableData?: { component: unknown; variable: unknown }[] };
  const on = (action: string, answer: (params: Params) => Promise<unknown>) =>
    client.handle(action, async ({ params }: { params?: unknown }): Promise<Record<string, unknown>> => {
      calls.push({ action, params, noted: await profileOf(chargerId) });
      return (await answer(params as Params)) as Record<string, unknown>;
    });
  on('GetVariables', async () => ({
    getVariableResult: [
      { component: { name: 'OCPPCommCtrlr' }, variable: { name: 'NetworkConfigurationPriority' }, ...(answers.network ?? { attributeStatus: 'Accepted', attributeValue: '0,1' }) },
      { component: { name: 'OCPPCommCtrlr' }, variable: { name: 'MessageTimeout', instance: 'Default' }, attributeStatus: 'Accepted', attributeValue: '45' },
    ],
  }));
  on('SetNetworkProfile', answers.slot ?? (async () => ({ status: 'Accepted' })));
  on('SetVariables', async (params) => answers.priority?.() ?? { setVariableResult: params.setVariableData!.map(({ component, variable }) => ({ component, variable, attributeStatus: 'Accepted' })) });
  on('Reset', answers.reset ?? (async () => ({ status: 'Accepted' })));
  await waitUntilHeld(db, plain, chargerId);
  return calls;
}

const priorityAnswer = (attributeStatus: string) => async () => ({
  setVariableResult: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'NetworkConfigurationPriority' }, attributeStatus }],
});

describe('raising the security profile of a 2.0.1 station (A05)', () => {
  it('sends a new network profile in a free slot naming the platform’s wss:// address, puts it first, then resets when idle', async () => {
    const charger = await chargerWith(1);
    const calls = await stationAnswering(charger.id, charger.identity, {});
    expect(await send(charger.id, 'RaiseSecurityProfile', { securityProfile: 2 })).toMatchObject({ ok: true, value: { status: 'accepted' } });
    expect(calls.map(({ action }) => action)).toEqual(['GetVariables', 'SetNetworkProfile', 'SetVariables', 'Reset']);
    const [, slot, priority, reset] = calls;
    expect(slot).toEqual({
      action: 'SetNetworkProfile',
      params: { configurationSlot: 2, connectionData: { ocppVersion: 'OCPP20', ocppTransport: 'JSON', ocppCsmsUrl: 'wss://ocpp.example.test/ocpp', messageTimeout: 45, securityProfile: 2, ocppInterface: 'Wired0' } },
      // Noted before the station could reconnect under it.
      noted: { securityProfile: 1, nextSecurityProfile: 2 },
    });
    expect(priority!.params).toEqual({ setVariableData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'NetworkConfigurationPriority' }, attributeValue: '2,0,1' }] });
    expect(reset!.params).toEqual({ type: 'OnIdle' });
    // Taken, it is held to the new profile only once it reconnects meeting it.
    expect(await profileOf(charger.id)).toEqual({ securityProfile: 1, nextSecurityProfile: 2 });
  });

  it('forgets the raise when the station rejects the network profile, and sends nothing more', async () => {
    const charger = await chargerWith(1);
    const calls = await stationAnswering(charger.id, charger.identity, { slot: async () => ({ status: 'Rejected' }) });
    expect(await send(charger.id, 'RaiseSecurityProfile', { securityProfile: 2 })).toMatchObject({ ok: true, value: { status: 'rejected', response: { status: 'Rejected' } } });
    expect(calls.map(({ action }) => action)).toEqual(['GetVariables', 'SetNetworkProfile']);
    expect(await profileOf(charger.id)).toEqual({ securityProfile: 1, nextSecurityProfile: null });
    expect(await attempt('ws', charger.identity, { password: PASSWORD })).toBe('open');
  });

  it('forgets the raise when the station rejects the new priority, and does not reset it', async () => {
    const charger = await chargerWith(1);
    const calls = await stationAnswering(charger.id, charger.identity, { priority: priorityAnswer('Rejected') });
    expect(await send(charger.id, 'RaiseSecurityProfile', { securityProfile: 2 })).toMatchObject({ ok: true, value: { status: 'rejected', response: { status: 'Rejected' } } });
    expect(calls.map(({ action }) => action)).toEqual(['GetVariables', 'SetNetworkProfile', 'SetVariables']);
    expect(await profileOf(charger.id)).toEqual({ securityProfile: 1, nextSecurityProfile: null });
  });

  it('keeps the raise noted when the station does not answer, and its old profile still lets it in', async () => {
    const charger = await chargerWith(1);
    const calls = await stationAnswering(charger.id, charger.identity, { slot: () => new Promise(() => {}) });
    expect(await send(charger.id, 'RaiseSecurityProfile', { securityProfile: 2 })).toMatchObject({ ok: true, value: { status: 'timeout' } });
    expect(calls.map(({ action }) => action)).toEqual(['GetVariables', 'SetNetworkProfile']);
    expect(await profileOf(charger.id)).toEqual({ securityProfile: 1, nextSecurityProfile: 2 });
    await Promise.all(clients.splice(0).map((client) => client.close({ force: true })));
    expect(await attempt('ws', charger.identity, { password: PASSWORD })).toBe('open');
    expect(await profileOf(charger.id)).toEqual({ securityProfile: 1, nextSecurityProfile: 2 });
  });

  it('fails the raise and sends nothing while the platform’s public address is plain ws://, which the station could not move to', async () => {
    const wsOnly = await startTestServer();
    try {
      const charger = await chargerWith(1);
      const client = new RPCClient({ endpoint: `ws://127.0.0.1:${wsOnly.port}/ocpp`, identity: charger.identity, password: PASSWORD, protocols: ['ocpp2.0.1'], strictMode: true, reconnect: false } as ConstructorParameters<typeof RPCClient>[0]);
      clients.push(client);
      const calls: string[] = [];
      for (const action of ['GetVariables', 'SetNetworkProfile', 'SetVariables', 'Reset']) client.handle(action, async () => (calls.push(action), {}));
      await client.connect();
      await waitUntilHeld(db, wsOnly, charger.id);
      expect(await send(charger.id, 'RaiseSecurityProfile', { securityProfile: 2 })).toMatchObject({ ok: true, value: { status: 'failed', error: expect.stringContaining('wss://') } });
      expect(calls).toEqual([]);
      expect(await profileOf(charger.id)).toEqual({ securityProfile: 1, nextSecurityProfile: null });
    } finally {
      await Promise.all(clients.splice(0).map((client) => client.close({ force: true })));
      await wsOnly.close();
    }
  });

  // Slot 1 is often the profile the station works through: written blind, a station whose new profile then fails has
  // nothing to fall back to.
  it('refuses the raise and sends no network profile while the station does not tell its network priority, or names no slot in it', async () => {
    for (const network of [{ attributeStatus: 'Rejected' }, { attributeStatus: 'Accepted', attributeValue: '' }]) {
      const charger = await chargerWith(1);
      const calls = await stationAnswering(charger.id, charger.identity, { network });
      const refused = await send(charger.id, 'RaiseSecurityProfile', { securityProfile: 2 });
      expect(refused).toMatchObject({ ok: true, value: { status: 'failed', error: expect.stringContaining('NetworkConfigurationPriority') } });
      expect(calls.map(({ action }) => action)).toEqual(['GetVariables']);
      expect(await profileOf(charger.id)).toEqual({ securityProfile: 1, nextSecurityProfile: null });
    }
  });

  it('sends the simulated station that will not tell its network priority no network profile, though it could take one', async () => {
    const charger = await chargerWith(1);
    const simulator = await startSimulator201(plain, { identity: charger.identity, password: PASSWORD, evses: 1, clientCertificate: { serverCa: trustedCa }, unreadableNetworkPriority: true });
    await waitUntilHeld(db, plain, charger.id);
    expect(await send(charger.id, 'RaiseSecurityProfile', { securityProfile: 2 })).toMatchObject({ ok: true, value: { status: 'failed' } });
    expect(simulator.receivedCalls).not.toContain('SetNetworkProfile');
    expect(await profileOf(charger.id)).toEqual({ securityProfile: 1, nextSecurityProfile: null });
  });

  it('keeps the raise noted for the next restart when the station holds the new priority but will not reset now', async () => {
    const charger = await chargerWith(1);
    await stationAnswering(charger.id, charger.identity, { reset: async () => ({ status: 'Rejected' }) });
    expect(await send(charger.id, 'RaiseSecurityProfile', { securityProfile: 2 })).toMatchObject({ ok: true, value: { status: 'accepted', response: { status: 'RebootRequired' } } });
    expect(await profileOf(charger.id)).toEqual({ securityProfile: 1, nextSecurityProfile: 2 });
  });
});

describe('SecurityEventNotification and SignCertificate from a 2.0.1 charger', () => {
  it('stores the security event as a 1.6 charger’s is stored', async () => {
    const charger = await makeCharger(db, { accountId });
    const client = await connect201(charger.identity);
    expect(await client.call('SecurityEventNotification', { type: 'TamperDetectionActivated', timestamp: '2026-12-01T10:00:00Z', techInfo: 'lid opened' })).toEqual({});
    const rows = await db.select().from(securityEvents).where(eq(securityEvents.chargerId, charger.id)).orderBy(desc(securityEvents.id));
    expect(rows.map(({ type, occurredAt, techInfo }) => ({ type, occurredAt, techInfo }))).toEqual([
      { type: 'TamperDetectionActivated', occurredAt: new Date('2026-12-01T10:00:00Z'), techInfo: 'lid opened' },
    ]);
  });

  it('signs the CSR the station sends when asked to renew, and sends the chain back as a 2.0.1 CertificateSigned the station accepts', async () => {
    const charger = await makeCharger(db, { accountId });
    const simulator = await startSimulator201(plain, { identity: charger.identity, evses: 1 });
    await waitUntilHeld(db, plain, charger.id);
    const renew = await send(charger.id, 'ExtendedTriggerMessage', { requestedMessage: 'SignChargePointCertificate' });
    expect(renew).toMatchObject({ ok: true, value: { status: 'accepted' } });
    const signed = await waitFor(async () => (await db.select().from(chargerCertificates).where(eq(chargerCertificates.chargerId, charger.id)))[0]);
    expect(signed).toMatchObject({ outcome: 'signed', accountId });
    const delivered = await waitFor(async () => {
      const [row] = await db.select().from(chargerCommands).where(and(eq(chargerCommands.chargerId, charger.id), eq(chargerCommands.action, 'CertificateSigned')));
      return row?.status === 'accepted' && row;
    });
    expect(delivered.payload).toMatchObject({ certificateType: 'ChargingStationCertificate', certificateChain: expect.stringContaining(signed.certificate!.trim()) });
    expect(simulator.clientCertificate.certificateChain).toContain(signed.certificate!.trim());
  });

  it('answers a CSR for another identity Rejected, records why and sends no certificate', async () => {
    const charger = await makeCharger(db, { accountId });
    const client = await connect201(charger.identity);
    expect(await client.call('SignCertificate', { csr: await csrFor('SOMEONE-ELSE'), certificateType: 'V2GCertificate' })).toEqual({ status: 'Rejected' });
    const outcomes = await db.select({ outcome: chargerCertificates.outcome }).from(chargerCertificates).where(eq(chargerCertificates.chargerId, charger.id));
    expect(outcomes).toEqual([{ outcome: 'wrongIdentity' }]);
    expect(await db.select().from(chargerCommands).where(eq(chargerCommands.chargerId, charger.id))).toEqual([]);
  });
});

describe('root certificates on a 2.0.1 charger', () => {
  it('installs, lists and deletes roots through the platform’s commands, the platform’s own root named CSMSRootCertificate', async () => {
    const charger = await makeCharger(db, { accountId });
    const client = await connect201(charger.identity);
    const received: unknown[] = [];
    client.handle('InstallCertificate', async ({ params }) => {
      received.push(params);
      return { status: 'Accepted' };
    });
    client.handle('GetInstalledCertificateIds', async ({ params }) => {
      received.push(params);
      const certificateHashData = { hashAlgorithm: 'SHA256', issuerNameHash: 'aa', issuerKeyHash: 'bb', serialNumber: '01' };
      return { status: 'Accepted', certificateHashDataChain: [{ certificateType: 'CSMSRootCertificate', certificateHashData }] };
    });
    await waitUntilHeld(db, plain, charger.id);
    expect(await send(charger.id, 'InstallCertificate', { certificateType: 'CentralSystemRootCertificate', certificate: pem('root.pem') })).toMatchObject({ ok: true, value: { status: 'accepted' } });
    const listed = await send(charger.id, 'GetInstalledCertificateIds', { certificateType: 'CentralSystemRootCertificate' });
    expect(listed).toMatchObject({ ok: true, value: { status: 'accepted', response: { certificateHashData: [{ issuerNameHash: 'aa', serialNumber: '01' }] } } });
    expect(received).toEqual([{ certificateType: 'CSMSRootCertificate', certificate: pem('root.pem') }, { certificateType: ['CSMSRootCertificate'] }]);
  });

  it('keeps the simulated station’s store as the 1.6 one: refusals and NotFound come back as the charger said them', async () => {
    const charger = await makeCharger(db, { accountId });
    await startSimulator201(plain, { identity: charger.identity, evses: 1 });
    await waitUntilHeld(db, plain, charger.id);
    const root = readRootCertificate(pem('root.pem'));
    if (!root.ok) throw new Error('fixture root unreadable');
    const at = (action: CommandAction, payload: unknown) => send(charger.id, action, payload as never);

    expect(await at('GetInstalledCertificateIds', { certificateType: 'ManufacturerRootCertificate' })).toMatchObject({ ok: true, value: { status: 'rejected', error: 'NotFound' } });
    expect(await at('InstallCertificate', { certificateType: 'ManufacturerRootCertificate', certificate: pem('root.pem') })).toMatchObject({ ok: true, value: { status: 'accepted' } });
    expect(await at('InstallCertificate', { certificateType: 'ManufacturerRootCertificate', certificate: pem('leaf.pem') })).toMatchObject({ ok: true, value: { status: 'rejected', error: 'Rejected' } });
    expect(await at('GetInstalledCertificateIds', { certificateType: 'ManufacturerRootCertificate' })).toMatchObject({
      ok: true,
      value: { status: 'accepted', response: { certificateHashData: [root.value.hashData] } },
    });
    expect(await at('DeleteCertificate', { certificateHashData: root.value.hashData })).toMatchObject({ ok: true, value: { status: 'accepted' } });
    expect(await at('DeleteCertificate', { certificateHashData: root.value.hashData })).toMatchObject({ ok: true, value: { status: 'rejected', error: 'NotFound' } });
    await at('InstallCertificate', { certificateType: 'CentralSystemRootCertificate', certificate: pem('root.pem') });
    expect(await at('DeleteCertificate', { certificateHashData: root.value.hashData })).toMatchObject({ ok: true, value: { status: 'rejected', error: 'Failed' } });
    const answers = await db.select({ action: chargerCommands.action, status: chargerCommands.status }).from(chargerCommands).where(eq(chargerCommands.chargerId, charger.id));
    expect(answers.filter((row) => row.action === 'DeleteCertificate').map((row) => row.status).sort()).toEqual(['accepted', 'rejected', 'rejected']);
  });
});

describe('limits set outside the platform (K12) and reported profiles (K09)', () => {
  it('answers NotifyChargingLimit and ReportChargingProfiles and keeps both in the charger’s log', async () => {
    const charger = await makeCharger(db, { accountId });
    const client = await connect201(charger.identity);
    const schedule = { id: 1, chargingRateUnit: 'W' as const, chargingSchedulePeriod: [{ startPeriod: 0, limit: 3_000 }] };
    expect(await client.call('NotifyChargingLimit', { evseId: 1, chargingLimit: { chargingLimitSource: 'EMS', isGridCritical: true }, chargingSchedule: [schedule] })).toEqual({});
    const profile = { id: 7, stackLevel: 0, chargingProfilePurpose: 'ChargingStationExternalConstraints', chargingProfileKind: 'Absolute', chargingSchedule: [{ ...schedule, startSchedule: '2026-12-01T10:00:00Z' }] };
    expect(await client.call('ReportChargingProfiles', { requestId: 3, chargingLimitSource: 'EMS', evseId: 1, chargingProfile: [profile] })).toEqual({});
    const logged = await waitFor(async () => {
      const rows = await db.select({ action: ocppMessages.action, messageType: ocppMessages.messageType, payload: ocppMessages.payload }).from(ocppMessages).where(eq(ocppMessages.chargerId, charger.id));
      return rows.filter((row) => row.messageType === 'call').length >= 2 && rows;
    });
    expect(logged).toEqual(
      expect.arrayContaining([
        { action: 'NotifyChargingLimit', messageType: 'call', payload: expect.objectContaining({ chargingLimit: { chargingLimitSource: 'EMS', isGridCritical: true } }) },
        { action: 'ReportChargingProfiles', messageType: 'call', payload: expect.objectContaining({ requestId: 3 }) },
        { action: 'NotifyChargingLimit', messageType: 'result', payload: {} },
      ]),
    );
  });
});
