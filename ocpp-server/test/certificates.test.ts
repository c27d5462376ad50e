import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CommandAction, CommandPayloads } from '../../domain/commands/actions';
import { sendCommand } from '../../domain/commands/send';
import { readRootCertificate } from '../../domain/certificates/root-certificate';
import type { OcppServer } from '../src/start';
import { makeChargerFixture, startTestServer, testDb } from './helpers';
import { startSimulator, stopSimulators } from './simulators';

const { db, sql } = testDb();
let server: OcppServer;

beforeAll(async () => {
  server = await startTestServer({ callTimeoutMs: 2_000 });
});

afterEach(() => stopSimulators());

afterAll(async () => {
  await server?.close();
  await sql.end();
});

const pem = (name: string) => readFileSync(new URL(`../../tests/fixtures/certificates/${name}`, import.meta.url), 'utf8');

describe('root certificates on the charger (1.6 security whitepaper)', () => {
  it('installs a root, lists it by the hash data the platform works out, deletes it, and reports each refusal', async () => {
    const { account, charger } = await makeChargerFixture(db);
    await startSimulator(server, { identity: charger.identity });
    const send = <A extends CommandAction>(action: A, payload: CommandPayloads[A]) =>
      sendCommand(db, { accountId: account.id, chargerId: charger.id, requestedBy: account.owner.id, action, payload });
    const root = readRootCertificate(pem('root.pem'));
    if (!root.ok) throw new Error('fixture root unreadable');

    expect(await send('GetInstalledCertificateIds', { certificateType: 'ManufacturerRootCertificate' })).toMatchObject({ ok: true, value: { status: 'rejected', error: 'NotFound' } });
    expect(await send('InstallCertificate', { certificateType: 'ManufacturerRootCertificate', certificate: pem('root.pem') })).toMatchObject({ ok: true, value: { status: 'accepted' } });
    expect(await send('InstallCertificate', { certificateType: 'ManufacturerRootCertificate', certificate: pem('leaf.pem') })).toMatchObject({ ok: true, value: { status: 'rejected', error: 'Rejected' } });
    const listed = await send('GetInstalledCertificateIds', { certificateType: 'ManufacturerRootCertificate' });
    expect(listed).toMatchObject({ ok: true, value: { status: 'accepted', response: { certificateHashData: [root.value.hashData] } } });

    expect(await send('DeleteCertificate', { certificateHashData: root.value.hashData })).toMatchObject({ ok: true, value: { status: 'accepted' } });
    expect(await send('DeleteCertificate', { certificateHashData: root.value.hashData })).toMatchObject({ ok: true, value: { status: 'rejected', error: 'NotFound' } });

    // The platform's own root, the only one: the charger keeps it, or it could not check the server any more.
    await send('InstallCertificate', { certificateType: 'CentralSystemRootCertificate', certificate: pem('root.pem') });
    expect(await send('DeleteCertificate', { certificateHashData: root.value.hashData })).toMatchObject({ ok: true, value: { status: 'rejected', error: 'Failed' } });
  });
});
