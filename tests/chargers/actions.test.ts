import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDb } from '@/db/client';
import { chargerCommands, chargers, securityExtensionSupport } from '@/db/schema';
import { makeAccount, makeCharger, makeUser } from '@/db/seed/builders';
import { signInAs } from '../support/fake-auth';
import { formData } from '../support/form';

vi.mock('@/lib/auth', () => import('../support/fake-auth'));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const { addChargerAction, editChargerAction, regeneratePasswordAction, removeChargerAction, sendNewPasswordAction } = await import('@/app/(app)/chargers/actions');
const { chargerCommandAction } = await import('@/app/(app)/chargers/[chargerId]/command-actions');

const { db, sql } = createDb(process.env.DATABASE_URL!);
afterAll(() => sql.end());

async function ownerWithCharger() {
  const owner = await makeUser(db, { emailVerifiedAt: new Date() });
  const account = await makeAccount(db, { owner });
  const charger = await makeCharger(db, { accountId: account.id, passwordHash: 'sha256$original' });
  return { owner, account, charger };
}
const idle = { status: 'idle' } as const;

describe('charger actions refuse a member of another account', () => {
  let victim: Awaited<ReturnType<typeof ownerWithCharger>>;
  let intruder: Awaited<ReturnType<typeof ownerWithCharger>>;
  beforeEach(async () => {
    victim = await ownerWithCharger();
    intruder = await ownerWithCharger();
    signInAs(intruder.owner);
  });

  const claims = [
    { name: "the victim's account", accountId: () => victim.account.id, expected: 'forbidden' },
    { name: 'their own account', accountId: () => intruder.account.id, expected: 'notFound' },
  ];

  it('cannot add a charger to the other account', async () => {
    const result = await addChargerAction(idle, formData({ accountId: victim.account.id, identity: 'SNEAKY-1', name: 'Mine now' }));
    expect(result).toMatchObject({ status: 'error', formError: 'forbidden' });
    expect(await db.select().from(chargers).where(eq(chargers.identity, 'SNEAKY-1'))).toHaveLength(0);
  });

  for (const { name, accountId, expected } of claims) {
    it(`cannot rename, re-key, remove or command the charger, claiming ${name}`, async () => {
      const target = { accountId: accountId(), chargerId: victim.charger.id };

      const edited = await editChargerAction(idle, formData({ ...target, name: 'Hacked', connectorCount: 1 }));
      const rekeyed = await regeneratePasswordAction(idle, formData(target));
      const sentKey = await sendNewPasswordAction(idle, formData(target));
      const removed = await removeChargerAction(idle, formData(target));
      const commanded = await chargerCommandAction(idle, formData({ ...target, command: 'Reset', type: 'Hard' }));

      for (const result of [edited, rekeyed, sentKey, removed, commanded]) expect(result).toMatchObject({ status: 'error', formError: expected });
      const [row] = await db.select().from(chargers).where(eq(chargers.id, victim.charger.id));
      expect(row).toMatchObject({ name: victim.charger.name, passwordHash: 'sha256$original', deletedAt: null });
      expect(await db.select().from(chargerCommands).where(eq(chargerCommands.chargerId, victim.charger.id))).toHaveLength(0);
    });
  }

  it('refuses everything without a session', async () => {
    signInAs(null);
    const result = await editChargerAction(idle, formData({ accountId: victim.account.id, chargerId: victim.charger.id, name: 'x', connectorCount: 1 }));
    expect(result).toMatchObject({ status: 'error', formError: 'forbidden' });
  });
});

describe('adding a charger', () => {
  it('creates it with a one-time password that is stored only hashed, and a connection URL', async () => {
    const { owner, account } = await ownerWithCharger();
    signInAs(owner);
    const result = await addChargerAction(idle, formData({ accountId: account.id, identity: ' WB-42:A ', name: 'Wallbox', connectorCount: 2, latitude: '54.69', longitude: '25.28' }));
    expect(result.status).toBe('ok');
    if (result.status !== 'ok') return;
    expect(result.data.url).toMatch(/^ws:\/\/localhost:\d+\/ocpp\/WB-42:A$/);
    const [row] = await db.select().from(chargers).where(eq(chargers.id, result.data.chargerId));
    expect(row).toMatchObject({ identity: 'WB-42:A', connectorCount: 2, latitude: 54.69, longitude: 25.28 });
    expect(row?.passwordHash).toMatch(/^sha256\$/);
    expect(row?.passwordHash).not.toContain(result.data.password);
  });

  it('refuses an identity already used in any account, and keeps what was typed', async () => {
    const other = await ownerWithCharger();
    const { owner, account } = await ownerWithCharger();
    signInAs(owner);
    const result = await addChargerAction(idle, formData({ accountId: account.id, identity: other.charger.identity, name: 'Copy' }));
    expect(result).toMatchObject({ status: 'error', fieldErrors: { identity: ['identityTaken'] }, values: { name: 'Copy' } });
  });

  it.each([
    ['a slash', 'CP/1', 'identityInvalid'],
    ['a space', 'CP 1', 'identityInvalid'],
    ['unicode', 'ČP-1', 'identityInvalid'],
    ['only a dot-segment', '..', 'identityInvalid'],
    ['49 characters', 'A'.repeat(49), 'identityTooLong'],
    ['nothing', '   ', 'required'],
  ])('refuses an identity with %s', async (_case, identity, key) => {
    const { owner, account } = await ownerWithCharger();
    signInAs(owner);
    const result = await addChargerAction(idle, formData({ accountId: account.id, identity, name: 'X' }));
    expect(result).toMatchObject({ status: 'error', fieldErrors: { identity: [key] } });
    expect(await db.select().from(chargers).where(eq(chargers.accountId, account.id))).toHaveLength(1);
  });

  it('collects every bad field at once', async () => {
    const { owner, account } = await ownerWithCharger();
    signInAs(owner);
    const result = await addChargerAction(idle, formData({ accountId: account.id, identity: 'OK-1', name: '', latitude: '91', longitude: '', connectorCount: '0' }));
    expect(result).toMatchObject({
      status: 'error',
      fieldErrors: { name: ['required'], latitude: ['latitudeInvalid'], connectorCount: ['connectorCountInvalid'] },
    });
  });
});

describe('the charger page commands', () => {
  it('asks for a message about one connector, or the whole charger, and sends a vendor DataTransfer with only the fields given', async () => {
    const { owner, account, charger } = await ownerWithCharger();
    signInAs(owner);
    const target = { accountId: account.id, chargerId: charger.id };
    const sent = async () => (await db.select().from(chargerCommands).where(eq(chargerCommands.chargerId, charger.id)).orderBy(chargerCommands.createdAt)).map((row) => [row.action, row.payload]);

    await chargerCommandAction(idle, formData({ ...target, command: 'TriggerMessage', requestedMessage: 'StatusNotification', connectorId: '2' }));
    await chargerCommandAction(idle, formData({ ...target, command: 'TriggerMessage', requestedMessage: 'MeterValues', connectorId: '' }));
    await chargerCommandAction(idle, formData({ ...target, command: 'DataTransfer', vendorId: ' Acme ', messageId: '', data: '' }));

    expect(await sent()).toEqual([
      ['TriggerMessage', { requestedMessage: 'StatusNotification', connectorId: 2 }],
      ['TriggerMessage', { requestedMessage: 'MeterValues' }],
      ['DataTransfer', { vendorId: 'Acme' }],
    ]);
  });

  it('refuses a DataTransfer without a vendor or with a NUL in its data next to the field, keeping what was typed and sending nothing', async () => {
    const { owner, account, charger } = await ownerWithCharger();
    signInAs(owner);
    const target = { accountId: account.id, chargerId: charger.id };
    const blank = await chargerCommandAction(idle, formData({ ...target, command: 'DataTransfer', vendorId: '  ', messageId: 'Echo', data: 'hello' }));
    expect(blank).toMatchObject({ status: 'error', fieldErrors: { vendorId: ['required'] }, values: { messageId: 'Echo', data: 'hello' } });
    const nul = await chargerCommandAction(idle, formData({ ...target, command: 'DataTransfer', vendorId: 'Acme', data: 'a\u0000b' }));
    expect(nul).toMatchObject({ status: 'error', fieldErrors: { data: ['controlCharacters'] } });
    const connector = await chargerCommandAction(idle, formData({ ...target, command: 'TriggerMessage', requestedMessage: 'StatusNotification', connectorId: '0' }));
    expect(connector).toMatchObject({ status: 'error', fieldErrors: { connectorId: ['choiceInvalid'] } });
    expect(await db.select().from(chargerCommands).where(eq(chargerCommands.chargerId, charger.id))).toHaveLength(0);
  });

  it('sends a root certificate to install, refusing next to the field a paste that is not one, and names one to delete by its hash data', async () => {
    const { owner, account, charger } = await ownerWithCharger();
    signInAs(owner);
    const target = { accountId: account.id, chargerId: charger.id };
    const certificate = (name: string) => readFileSync(`tests/fixtures/certificates/${name}`, 'utf8');
    const sent = async () => (await db.select().from(chargerCommands).where(eq(chargerCommands.chargerId, charger.id)).orderBy(chargerCommands.createdAt)).map((row) => [row.action, row.payload]);

    const leaf = await chargerCommandAction(idle, formData({ ...target, command: 'InstallCertificate', certificateType: 'CentralSystemRootCertificate', certificate: certificate('leaf.pem') }));
    expect(leaf).toMatchObject({ status: 'error', fieldErrors: { certificate: ['certificateNotRoot'] } });
    const garbage = await chargerCommandAction(idle, formData({ ...target, command: 'InstallCertificate', certificateType: 'CentralSystemRootCertificate', certificate: 'not a certificate' }));
    expect(garbage).toMatchObject({ status: 'error', fieldErrors: { certificate: ['certificateUnreadable'] }, values: { certificate: 'not a certificate' } });
    const badHash = await chargerCommandAction(idle, formData({ ...target, command: 'DeleteCertificate', hashAlgorithm: 'SHA256', issuerNameHash: 'zz', issuerKeyHash: 'ab', serialNumber: '01' }));
    expect(badHash).toMatchObject({ status: 'error', fieldErrors: { issuerNameHash: ['choiceInvalid'] } });
    expect(await sent()).toEqual([]);

    await chargerCommandAction(idle, formData({ ...target, command: 'InstallCertificate', certificateType: 'ManufacturerRootCertificate', certificate: `\n${certificate('root.pem')}\n\n` }));
    await chargerCommandAction(idle, formData({ ...target, command: 'DeleteCertificate', hashAlgorithm: 'SHA256', issuerNameHash: 'AB12', issuerKeyHash: 'cd34', serialNumber: '5012' }));
    expect(await sent()).toEqual([
      ['InstallCertificate', { certificateType: 'ManufacturerRootCertificate', certificate: certificate('root.pem').trim() }],
      ['DeleteCertificate', { certificateHashData: { hashAlgorithm: 'SHA256', issuerNameHash: 'AB12', issuerKeyHash: 'cd34', serialNumber: '5012' } }],
    ]);
  });

  it('refuses to set the charger’s AuthorizationKey as a plain configuration change, which would store the password', async () => {
    const { owner, account, charger } = await ownerWithCharger();
    signInAs(owner);
    const typed = await chargerCommandAction(idle, formData({ accountId: account.id, chargerId: charger.id, command: 'ChangeConfiguration', key: ' authorizationKey ', value: 'my-new-secret-password' }));
    expect(typed).toMatchObject({ status: 'error', fieldErrors: { key: ['authorizationKeyBySend'] } });
    expect(await db.select().from(chargerCommands).where(eq(chargerCommands.chargerId, charger.id))).toHaveLength(0);
  });

  it('refuses to set the charger’s SecurityProfile as a plain configuration change, which the platform would then refuse to let in', async () => {
    const { owner, account, charger } = await ownerWithCharger();
    signInAs(owner);
    const typed = await chargerCommandAction(idle, formData({ accountId: account.id, chargerId: charger.id, command: 'ChangeConfiguration', key: 'SecurityProfile', value: '3' }));
    expect(typed).toMatchObject({ status: 'error', fieldErrors: { key: ['securityProfileByCard'] } });
    expect(await db.select().from(chargerCommands).where(eq(chargerCommands.chargerId, charger.id))).toHaveLength(0);
  });

  it('sends ExtendedTriggerMessage about a connector, but not to a charger known to lack the security extension', async () => {
    const { owner, account, charger } = await ownerWithCharger();
    signInAs(owner);
    const target = { accountId: account.id, chargerId: charger.id };
    const extended = { ...target, command: 'ExtendedTriggerMessage', requestedMessage: 'LogStatusNotification', connectorId: '1' };
    expect(await chargerCommandAction(idle, formData({ ...extended, requestedMessage: 'DiagnosticsStatusNotification' }))).toMatchObject({ status: 'error', fieldErrors: { requestedMessage: ['choiceInvalid'] } });
    await chargerCommandAction(idle, formData(extended));
    const [queued] = await db.select().from(chargerCommands).where(eq(chargerCommands.chargerId, charger.id));
    expect(queued).toMatchObject({ action: 'ExtendedTriggerMessage', payload: { requestedMessage: 'LogStatusNotification', connectorId: 1 } });

    const plain = await ownerWithCharger();
    signInAs(plain.owner);
    await db.insert(securityExtensionSupport).values({ chargerId: plain.charger.id, isSupported: false, evidence: 'no SecurityProfile' });
    const refused = await chargerCommandAction(idle, formData({ ...extended, accountId: plain.account.id, chargerId: plain.charger.id }));
    expect(refused).toMatchObject({ status: 'error', formError: 'securityExtensionMissing' });
    expect(await db.select().from(chargerCommands).where(eq(chargerCommands.chargerId, plain.charger.id))).toHaveLength(0);
  });
});
