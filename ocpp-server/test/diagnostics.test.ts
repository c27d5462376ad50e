import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { chargerCommands, chargers, diagnosticsFiles, diagnosticsRequests, diagnosticsStatusReports } from '../../db/schema';
import { makeCharger } from '../../db/seed/builders';
import { sendCommand } from '../../domain/commands/send';
import { hashToken } from '../../domain/crypto/token';
import { requestDiagnostics } from '../../domain/diagnostics/request';
import { NOREPLY } from '../src/ocpp/rpc';
import type { DiagnosticsUploadMethod } from '../simulator/diagnostics-upload';
import { waitFor } from './helpers';
import { startSimulator } from './simulators';
import { ocppSuite } from './suite';
import { uploadServer } from './upload-server';

const suite = ocppSuite();
const { db } = suite;

const uploads = uploadServer(db);

async function onlineCharger(method: DiagnosticsUploadMethod) {
  const charger = await makeCharger(db, { accountId: suite.fixture.account.id });
  const simulator = await startSimulator(suite.server, { identity: charger.identity, diagnosticsUpload: method });
  await waitFor(async () => (await db.select({ isOnline: chargers.isOnline }).from(chargers).where(eq(chargers.id, charger.id)))[0]?.isOnline);
  return { charger, simulator };
}

const ask = (chargerId: string) =>
  requestDiagnostics(db, { accountId: suite.fixture.account.id, chargerId, requestedBy: suite.fixture.account.owner.id, appUrl: uploads.appUrl, retries: 1, retryIntervalSec: 0 });

async function requestRows(chargerId: string) {
  return db.select().from(diagnosticsRequests).where(eq(diagnosticsRequests.chargerId, chargerId));
}

const diagnosticsStatusOf = async (chargerId: string) =>
  (await db.select({ status: chargers.diagnosticsStatus }).from(chargers).where(eq(chargers.id, chargerId)))[0]?.status;

async function reportsOf(requestId: string) {
  const rows = await db.select().from(diagnosticsStatusReports).where(eq(diagnosticsStatusReports.requestId, requestId)).orderBy(diagnosticsStatusReports.id);
  return rows.map((row) => row.status);
}

describe('GetDiagnostics', () => {
  for (const method of ['put', 'multipart'] as const) {
    it(`sends the upload location, stores the file the charger uploads (${method}) and its status reports`, async () => {
      const { charger, simulator } = await onlineCharger(method);
      const answer = await ask(charger.id);
      expect(answer).toMatchObject({ ok: true, value: { status: 'accepted', fileName: expect.stringContaining(charger.identity) } });

      const [command] = await db.select().from(chargerCommands).where(eq(chargerCommands.chargerId, charger.id));
      expect(command).toMatchObject({ action: 'GetDiagnostics', status: 'accepted', payload: { location: expect.stringMatching(new RegExp(`^${uploads.appUrl}/api/diagnostics/uploads/[\\w-]{43}$`)), retries: 1 } });
      const [request] = await requestRows(charger.id);
      expect(request).toMatchObject({ commandId: command!.id });
      // The request keeps the sha-256 of the location's token, not the token.
      const token = String(command!.payload.location).split('/').at(-1)!;
      expect(request!.uploadTokenHash).toBe(hashToken(token));

      // The handler writes the report, then the charger's status: waiting on the status finds both.
      await waitFor(async () => (await diagnosticsStatusOf(charger.id)) === 'Uploaded');
      expect(await reportsOf(request!.id)).toEqual(['Uploading', 'Uploaded']);
      const [file] = await db.select().from(diagnosticsFiles).where(eq(diagnosticsFiles.requestId, request!.id));
      const fileName = answer.ok ? answer.value.fileName : null;
      expect(file).toMatchObject({ fileName, sizeBytes: file!.content.byteLength });
      const text = file!.content.toString('utf8');
      expect(text).toContain(`Chargewatch simulator ${charger.identity} diagnostics`);
      expect(text).toContain('"GetDiagnostics"');
      expect(simulator.diagnostics.uploads).toEqual([{ method, status: 201 }]);
      expect((await requestRows(charger.id))[0]?.uploadedAt).toBeInstanceOf(Date);
    });
  }

  it('records UploadFailed after the charger has used its retries on a refused upload, with nothing stored', async () => {
    const { charger, simulator } = await onlineCharger('put');
    uploads.refusesUploads = true;
    try {
      expect((await ask(charger.id)).ok).toBe(true);
      const [request] = await requestRows(charger.id);
      await waitFor(async () => (await reportsOf(request!.id)).includes('UploadFailed'));
      expect(await reportsOf(request!.id)).toEqual(['Uploading', 'UploadFailed']);
      expect(simulator.diagnostics.uploads).toEqual([
        { method: 'put', status: 503 },
        { method: 'put', status: 503 },
      ]);
      expect(await db.select().from(diagnosticsFiles).where(eq(diagnosticsFiles.requestId, request!.id))).toEqual([]);
    } finally {
      uploads.refusesUploads = false;
    }
  });

  it('keeps the reports of a charger that acts on a GetDiagnostics it answered too late', async () => {
    const charger = await makeCharger(db, { accountId: suite.fixture.account.id });
    const client = await suite.connect(suite.server, { identity: charger.identity });
    client.handle('GetDiagnostics', async () => NOREPLY as unknown as Record<string, unknown>);
    await waitFor(async () => (await db.select({ isOnline: chargers.isOnline }).from(chargers).where(eq(chargers.id, charger.id)))[0]?.isOnline);
    expect(await ask(charger.id)).toMatchObject({ ok: true, value: { status: 'timeout' } });
    await client.call('DiagnosticsStatusNotification', { status: 'Uploading' });
    const [request] = await requestRows(charger.id);
    expect(await reportsOf(request!.id)).toEqual(['Uploading']);
  });

  it('keeps a status report out of a request that has ended, and asks nothing of an offline charger', async () => {
    const { charger, simulator } = await onlineCharger('put');
    await ask(charger.id);
    const [request] = await requestRows(charger.id);
    await waitFor(async () => (await reportsOf(request!.id)).includes('Uploaded'));
    // Triggered, the charger says Idle (1.6 §7.23): the charger's own status, not the ended request's.
    const trigger = { requestedMessage: 'DiagnosticsStatusNotification' as const };
    const triggered = await sendCommand(db, { accountId: suite.fixture.account.id, chargerId: charger.id, action: 'TriggerMessage', payload: trigger });
    expect(triggered).toMatchObject({ ok: true, value: { status: 'accepted' } });
    await waitFor(async () => (await diagnosticsStatusOf(charger.id)) === 'Idle');
    expect(simulator.receivedCalls).toContain('TriggerMessage');
    expect(await reportsOf(request!.id)).toEqual(['Uploading', 'Uploaded']);

    const offline = await makeCharger(db, { accountId: suite.fixture.account.id });
    expect(await ask(offline.id)).toEqual({ ok: false, reason: 'chargerOffline' });
    expect(await requestRows(offline.id)).toEqual([]);
  });
});
