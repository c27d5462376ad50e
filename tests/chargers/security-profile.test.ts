import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDb } from '@/db/client';
import { chargerCertificates, chargerCommands, chargers, securityExtensionSupport } from '@/db/schema';
import { CHARGER_REVOKED_CHANNEL } from '@/domain/charging/charger-events';
import { getChargerCertificateState } from '@/domain/data/charger-certificates';
import { completeCommand } from '@/domain/data/charger-traffic/commands';
import type { OcppServer } from '@/ocpp-server/src/start';
import { startTestServer, waitFor } from '@/ocpp-server/test/helpers';
import { startSimulator, startSimulator201, stopSimulators } from '@/ocpp-server/test/simulators';
import { signInAs } from '../support/fake-auth';
import { formData } from '../support/form';
import { ownerWithCharger } from './owner-with-charger';

vi.mock('@/lib/auth', () => import('../support/fake-auth'));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const { setSecurityProfileAction } = await import('@/app/(app)/chargers/[chargerId]/security-actions');

const { db, sql } = createDb(process.env.DATABASE_URL!);
let server: OcppServer;
const publicUrl = process.env.OCPP_PUBLIC_URL;
// Profiles 2 and 3 need a platform that chargers reach over wss://.
beforeAll(async () => {
  process.env.OCPP_PUBLIC_URL = 'wss://ocpp.example.test';
  server = await startTestServer({ publicUrl: 'wss://ocpp.example.test' });
});
afterEach(() => stopSimulators());
afterAll(async () => {
  if (publicUrl === undefined) delete process.env.OCPP_PUBLIC_URL;
  else process.env.OCPP_PUBLIC_URL = publicUrl;
  await server?.close();
  await sql.end();
});
const idle = { status: 'idle' } as const;
const saved = { status: 'ok', data: { outcome: 'saved' } };

const profileOf = async (chargerId: string) => (await db.select({ profile: chargers.securityProfile }).from(chargers).where(eq(chargers.id, chargerId)))[0]?.profile;

describe("a charger's security profile", () => {
  it('is saved by its owner, and the OCPP server is told to close the socket so the charger reconnects under it', async () => {
    const { owner, target, charger } = await ownerWithCharger(db);
    await db.insert(chargerCertificates).values({ ...target, outcome: 'signed', serialNumber: '0e1f', certificate: 'PEM', notAfter: new Date(Date.now() + 86_400_000) });
    signInAs(owner);
    const revoked: string[] = [];
    const listening = await sql.listen(CHARGER_REVOKED_CHANNEL, (payload) => revoked.push(payload));
    try {
      expect(await setSecurityProfileAction(idle, formData({ ...target, securityProfile: '3' }))).toEqual(saved);
      expect(await profileOf(charger.id)).toBe(3);
      await vi.waitFor(() => expect(revoked).toContain(charger.id));
    } finally {
      await listening.unlisten();
    }
  });

  it('refuses anything but 1, 2 or 3 next to the field, and another account', async () => {
    const { owner, charger, target } = await ownerWithCharger(db);
    const intruder = await ownerWithCharger(db);
    signInAs(owner);
    for (const securityProfile of ['0', '4', '2.5', 'high', '']) {
      expect(await setSecurityProfileAction(idle, formData({ ...target, securityProfile }))).toMatchObject({ status: 'error', fieldErrors: { securityProfile: ['securityProfileInvalid'] } });
    }
    signInAs(intruder.owner);
    expect(await setSecurityProfileAction(idle, formData({ ...target, securityProfile: '2' }))).toMatchObject({ formError: 'forbidden' });
    expect(await setSecurityProfileAction(idle, formData({ accountId: intruder.account.id, chargerId: charger.id, securityProfile: '2' }))).toMatchObject({ formError: 'notFound' });
    expect(await profileOf(charger.id)).toBe(1);
  });

  it('refuses profile 3 next to the field while the platform has signed no certificate for the charger that is still valid', async () => {
    const { owner, target, charger } = await ownerWithCharger(db);
    signInAs(owner);
    const needsCertificate = { status: 'error', fieldErrors: { securityProfile: ['securityProfileNeedsCertificate'] } };
    expect(await setSecurityProfileAction(idle, formData({ ...target, securityProfile: '3' }))).toMatchObject(needsCertificate);
    await db.insert(chargerCertificates).values({ ...target, outcome: 'signed', serialNumber: '0f2a', certificate: 'PEM', notAfter: new Date(Date.now() - 60_000) });
    expect(await setSecurityProfileAction(idle, formData({ ...target, securityProfile: '3' }))).toMatchObject(needsCertificate);
    expect(await profileOf(charger.id)).toBe(1);
    expect(await setSecurityProfileAction(idle, formData({ ...target, securityProfile: '2' }))).toEqual(saved);
  });

  it('leaves the charger connected when the profile chosen is the one it has', async () => {
    const { owner, target, charger } = await ownerWithCharger(db);
    signInAs(owner);
    const revoked: string[] = [];
    const listening = await sql.listen(CHARGER_REVOKED_CHANNEL, (payload) => revoked.push(payload));
    try {
      expect(await setSecurityProfileAction(idle, formData({ ...target, securityProfile: '1' }))).toEqual({ status: 'ok', data: { outcome: 'unchanged' } });
      // A real change after it: its notice arrives, and it is the only one.
      expect(await setSecurityProfileAction(idle, formData({ ...target, securityProfile: '2' }))).toEqual(saved);
      await vi.waitFor(() => expect(revoked).toContain(charger.id));
      expect(revoked.filter((id) => id === charger.id)).toHaveLength(1);
    } finally {
      await listening.unlisten();
    }
  });

  it('refuses profiles 2 and 3 next to the field on a platform whose chargers connect over plain ws://, and still lowers to 1', async () => {
    const { owner, target, charger } = await ownerWithCharger(db);
    signInAs(owner);
    await db.update(chargers).set({ securityProfile: 2 }).where(eq(chargers.id, charger.id));
    process.env.OCPP_PUBLIC_URL = 'ws://ocpp.example.test';
    try {
      expect(await setSecurityProfileAction(idle, formData({ ...target, securityProfile: '3' }))).toMatchObject({ status: 'error', fieldErrors: { securityProfile: ['securityProfileNeedsTls'] } });
      expect(await profileOf(charger.id)).toBe(2);
      expect(await setSecurityProfileAction(idle, formData({ ...target, securityProfile: '1' }))).toEqual(saved);
      expect(await profileOf(charger.id)).toBe(1);
      expect(await setSecurityProfileAction(idle, formData({ ...target, securityProfile: '2' }))).toMatchObject({ status: 'error', fieldErrors: { securityProfile: ['securityProfileNeedsTls'] } });
    } finally {
      process.env.OCPP_PUBLIC_URL = 'wss://ocpp.example.test';
    }
  });

  // Neither simulator knows a wss:// server it trusts, so each refuses profile 2 (1.6: its SecurityProfile key; 2.0.1:
  // the new network profile).
  const SIMULATORS = [
    { protocol: 'ocpp1.6', start: (identity: string) => startSimulator(server, { identity }) },
    { protocol: 'ocpp2.0.1', start: (identity: string) => startSimulator201(server, { identity, evses: 1 }) },
  ];

  it.each(SIMULATORS)('sends a higher profile to a connected $protocol charger instead of setting it, and keeps the old one when the charger refuses it', async ({ protocol, start }) => {
    const { owner, target, charger } = await ownerWithCharger(db);
    signInAs(owner);
    await start(charger.identity);
    await waitFor(async () => (await db.select({ isOnline: chargers.isOnline }).from(chargers).where(eq(chargers.id, charger.id)))[0]?.isOnline);
    expect(await setSecurityProfileAction(idle, formData({ ...target, securityProfile: '2' }))).toEqual({ status: 'ok', data: { outcome: 'sent', status: 'rejected' } });
    expect(await getChargerCertificateState(db, target)).toMatchObject({ securityProfile: 1, nextSecurityProfile: null, isOnline: true, ocppVersion: protocol });
    const commands = await db.select({ action: chargerCommands.action, response: chargerCommands.response }).from(chargerCommands).where(eq(chargerCommands.chargerId, charger.id));
    expect(commands).toEqual([{ action: 'RaiseSecurityProfile', response: { status: 'Rejected' } }]);
  });

  // The 1.6 whitepaper's answer, kept from a time the charger spoke 1.6: a 2.0.1 station has security profiles built in.
  it('sends a higher profile to a connected 2.0.1 charger once recorded as lacking the 1.6 security extension, instead of saving it and locking it out', async () => {
    const { owner, target, charger } = await ownerWithCharger(db);
    await db.insert(securityExtensionSupport).values({ chargerId: charger.id, isSupported: false, evidence: 'no SecurityProfile' });
    signInAs(owner);
    await startSimulator201(server, { identity: charger.identity, evses: 1 });
    await waitFor(async () => (await db.select({ isOnline: chargers.isOnline }).from(chargers).where(eq(chargers.id, charger.id)))[0]?.isOnline);
    expect(await setSecurityProfileAction(idle, formData({ ...target, securityProfile: '2' }))).toEqual({ status: 'ok', data: { outcome: 'sent', status: 'rejected' } });
    expect(await getChargerCertificateState(db, target)).toMatchObject({ securityProfile: 1, nextSecurityProfile: null, isOnline: true, ocppVersion: 'ocpp2.0.1' });
  });

  it("takes no 1.6 security-extension fact from a 2.0.1 charger's NotSupported answer", async () => {
    const { account, charger } = await ownerWithCharger(db);
    await db.update(chargers).set({ ocppVersion: 'ocpp2.0.1' }).where(eq(chargers.id, charger.id));
    const [command] = await db
      .insert(chargerCommands)
      .values({ accountId: account.id, chargerId: charger.id, action: 'GetLog', payload: {}, status: 'sent', expiresAt: new Date(Date.now() + 60_000) })
      .returning({ id: chargerCommands.id });
    await completeCommand(db, { id: command!.id, chargerId: charger.id }, { status: 'failed', error: 'NotSupported: no logs here' });
    expect(await db.select().from(securityExtensionSupport).where(eq(securityExtensionSupport.chargerId, charger.id))).toEqual([]);
  });
});

describe("a charger's certificate state", () => {
  it('shows the newest signed certificate, and a refusal only when it came after it', async () => {
    const { target, charger } = await ownerWithCharger(db);
    expect(await getChargerCertificateState(db, target)).toEqual({ securityProfile: 1, nextSecurityProfile: null, isOnline: false, ocppVersion: null, certificate: null, refusal: null });
    const notAfter = new Date('2028-01-01T00:00:00Z');
    await db.insert(chargerCertificates).values({ ...target, outcome: 'weakKey', requestedAt: new Date('2026-01-01T00:00:00Z') });
    await db.insert(chargerCertificates).values({ ...target, outcome: 'signed', serialNumber: '0a1b', certificate: 'PEM', notAfter, requestedAt: new Date('2026-02-01T00:00:00Z') });
    expect(await getChargerCertificateState(db, target)).toMatchObject({ certificate: { serialNumber: '0a1b', notAfter }, refusal: null });
    await db.insert(chargerCertificates).values({ ...target, outcome: 'wrongIdentity', requestedAt: new Date('2026-03-01T00:00:00Z') });
    expect(await getChargerCertificateState(db, target)).toMatchObject({ certificate: { serialNumber: '0a1b' }, refusal: { reason: 'wrongIdentity' } });
    const other = await ownerWithCharger(db);
    expect(await getChargerCertificateState(db, { accountId: other.account.id, chargerId: charger.id })).toBeNull();
  });

  it('keeps showing the signed certificate behind many refused requests that came after it', async () => {
    const { target } = await ownerWithCharger(db);
    const notAfter = new Date('2028-01-01T00:00:00Z');
    await db.insert(chargerCertificates).values({ ...target, outcome: 'signed', serialNumber: '0c2d', certificate: 'PEM', notAfter, requestedAt: new Date('2026-01-01T00:00:00Z') });
    await db.insert(chargerCertificates).values(Array.from({ length: 25 }, (_, day) => ({ ...target, outcome: 'weakKey', requestedAt: new Date(Date.UTC(2026, 1, day + 1)) })));
    expect(await getChargerCertificateState(db, target)).toMatchObject({ certificate: { serialNumber: '0c2d', notAfter }, refusal: { reason: 'weakKey' } });
  });
});
