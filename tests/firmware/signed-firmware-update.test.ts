import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { chargerCommands, firmwareUpdates, securityExtensionSupport } from '@/db/schema';
import { requestFirmwareUpdate } from '@/domain/firmware/request-update';
import { waitFor } from '@/ocpp-server/test/helpers';
import { chargingSuite } from '../charge/charging-suite';
import { signInAs } from '../cards/action-support';
import { SIGNER_CERTIFICATE_PEM, signFirmware } from '../support/firmware-signer';
import { firmwareAppForTests, firmwareForm, firmwareHistoryOf, firmwareVersionOf } from './firmware-app';

vi.mock('@/lib/auth', () => ({ auth: vi.fn() }));

const { db, setup } = chargingSuite();
const firmwareApp = firmwareAppForTests();
const historyOf = (chargerId: string) => firmwareHistoryOf(db, chargerId);

const post = async (form: FormData) => (await fetch(`${firmwareApp.origin}/api/firmware`, { method: 'POST', body: form, headers: { origin: firmwareApp.origin } })).json();

describe('a signed firmware update (SignedUpdateFirmware)', () => {
  it('sends the certificate and signature with the file; the charger verifies it, installs and boots with the new version', async () => {
    const { owner, account, charger, simulator } = await setup({ firmware: { installMs: 20 } });
    signInAs(owner);
    const bytes = randomBytes(50_000);
    const signature = signFirmware(bytes);
    // Pasted wrapped over lines, as base64 often is.
    const wrapped = signature.replace(/(.{40})/g, '$1\n');
    const form = firmwareForm({ accountId: account.id, chargerId: charger.id, firmwareFile: new File([bytes], 'cw-5.0.0.bin'), signingCertificate: SIGNER_CERTIFICATE_PEM, signature: wrapped });
    expect(await post(form)).toEqual({ status: 'ok', data: { status: 'accepted', answer: 'Accepted' } });

    const [update] = await db.select().from(firmwareUpdates).where(eq(firmwareUpdates.chargerId, charger.id));
    const [command] = await db.select().from(chargerCommands).where(eq(chargerCommands.id, update!.commandId!));
    expect(command).toMatchObject({
      action: 'SignedUpdateFirmware',
      payload: { requestId: update!.ocppRequestId, retries: 3, firmware: { signingCertificate: SIGNER_CERTIFICATE_PEM.trim(), signature, location: expect.stringMatching(/\/api\/firmware\/[\w-]{43}\/cw-5\.0\.0\.bin$/) } },
    });

    await waitFor(async () => (await firmwareVersionOf(db, charger.id)) === '5.0.0');
    expect(await historyOf(charger.id)).toEqual(['Downloading', 'Downloaded', 'SignatureVerified', 'Installing', 'Installed']);
    expect(simulator.firmware.downloads[0]!.bytes.equals(bytes)).toBe(true);
  });

  it('refuses next to the field a certificate that does not parse and a signature that does not match the file, sending nothing', async () => {
    const { owner, account, charger } = await setup();
    signInAs(owner);
    const bytes = randomBytes(1000);
    const fields = { accountId: account.id, chargerId: charger.id, firmwareFile: new File([bytes], 'cw-5.0.1.bin') };
    const badCertificate = await post(firmwareForm({ ...fields, signingCertificate: '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----', signature: signFirmware(bytes) }));
    expect(badCertificate).toMatchObject({ status: 'error', fieldErrors: { signingCertificate: ['firmwareCertificateInvalid'] } });
    const otherFile = await post(firmwareForm({ ...fields, signingCertificate: SIGNER_CERTIFICATE_PEM, signature: signFirmware(randomBytes(1000)) }));
    expect(otherFile).toMatchObject({ status: 'error', fieldErrors: { signature: ['firmwareSignatureMismatch'] }, values: { signingCertificate: expect.stringContaining('BEGIN CERTIFICATE') } });
    const notBase64 = await post(firmwareForm({ ...fields, signingCertificate: SIGNER_CERTIFICATE_PEM, signature: 'sig*nature' }));
    expect(notBase64).toMatchObject({ status: 'error', fieldErrors: { signature: ['firmwareSignatureNotBase64'] } });
    const halfSigned = await post(firmwareForm({ ...fields, signingCertificate: SIGNER_CERTIFICATE_PEM }));
    expect(halfSigned).toMatchObject({ status: 'error', fieldErrors: { signature: ['firmwareSignatureMissing'] } });
    const byUrl = await post(firmwareForm({ accountId: account.id, chargerId: charger.id, firmwareUrl: 'https://example.com/cw.bin', signingCertificate: SIGNER_CERTIFICATE_PEM, signature: signFirmware(bytes) }));
    expect(byUrl).toMatchObject({ status: 'error', fieldErrors: { firmwareUrl: ['firmwareSignedNeedsFile'] } });

    await db.insert(securityExtensionSupport).values({ chargerId: charger.id, isSupported: false, evidence: 'no SecurityProfile' });
    const unsupported = await post(firmwareForm({ ...fields, signingCertificate: SIGNER_CERTIFICATE_PEM, signature: signFirmware(bytes) }));
    expect(unsupported).toMatchObject({ status: 'error', fieldErrors: { signingCertificate: ['firmwareSignedUnsupported'] } });
    expect(await db.select().from(firmwareUpdates).where(eq(firmwareUpdates.chargerId, charger.id))).toEqual([]);
    expect(await db.select().from(chargerCommands).where(eq(chargerCommands.chargerId, charger.id))).toEqual([]);
  });

  it('records InvalidSignature from a charger whose check fails, and InvalidCertificate when it refuses the certificate', async () => {
    const { owner, account, charger, simulator } = await setup();
    const base = { accountId: account.id, chargerId: charger.id, userId: owner.id, retrieveAt: new Date(), appUrl: firmwareApp.origin };
    const bytes = randomBytes(2000);
    // Signed over other bytes: the platform's own check is the caller's, so the charger is the one to find out.
    const mismatched = await requestFirmwareUpdate(db, { ...base, source: { kind: 'file', name: 'cw-6.bin', content: bytes }, signed: { certificatePem: SIGNER_CERTIFICATE_PEM, signature: signFirmware(randomBytes(10)) } });
    expect(mismatched).toMatchObject({ ok: true, value: { status: 'accepted' } });
    await waitFor(async () => (await historyOf(charger.id)).includes('InvalidSignature'));
    expect(await historyOf(charger.id)).toEqual(['Downloading', 'Downloaded', 'InvalidSignature']);
    expect(simulator.firmware.version).toBe('sim-1.0');

    const refused = await requestFirmwareUpdate(db, { ...base, source: { kind: 'file', name: 'cw-7.bin', content: bytes }, signed: { certificatePem: 'not a certificate', signature: signFirmware(bytes) } });
    expect(refused).toMatchObject({ ok: true, value: { status: 'rejected', response: { status: 'InvalidCertificate' } } });
  });
});
