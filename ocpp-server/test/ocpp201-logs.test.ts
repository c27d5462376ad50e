import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { chargerCommands, chargers, diagnosticsFiles, diagnosticsRequests, diagnosticsStatusReports } from '../../db/schema';
import { makeCharger } from '../../db/seed/builders';
import { requestDiagnostics } from '../../domain/diagnostics/request';
import { waitFor } from './helpers';
import { startSimulator201 } from './simulators';
import { ocppSuite } from './suite';
import { uploadServer, whileRefusingUploads } from './upload-server';

// The owner's diagnostics request of a 2.0.1 charger (N01): a GetLog, with the LogStatusNotifications kept with it.
const suite = ocppSuite();
const { db } = suite;
const uploads = uploadServer(db);

const isOnline = async (chargerId: string) => (await db.select({ isOnline: chargers.isOnline }).from(chargers).where(eq(chargers.id, chargerId)))[0]?.isOnline;
const ask = (chargerId: string, logType?: 'SecurityLog') =>
  requestDiagnostics(db, { accountId: suite.fixture.account.id, chargerId, requestedBy: suite.fixture.account.owner.id, appUrl: uploads.appUrl, retries: 1, retryIntervalSec: 0, ...(logType && { logType }) });
const requestOf = async (chargerId: string) => (await db.select().from(diagnosticsRequests).where(eq(diagnosticsRequests.chargerId, chargerId)))[0]!;
const reportsOf = async (requestId: string) =>
  (await db.select().from(diagnosticsStatusReports).where(eq(diagnosticsStatusReports.requestId, requestId)).orderBy(diagnosticsStatusReports.id)).map((row) => row.status);

async function simulated() {
  const charger = await makeCharger(db, { accountId: suite.fixture.account.id });
  const simulator = await startSimulator201(suite.server, { identity: charger.identity, evses: 1 });
  await waitFor(() => isOnline(charger.id));
  return { charger, simulator };
}

describe('diagnostics of a 2.0.1 charger', () => {
  it('asks for the DiagnosticsLog with the request’s id; the charger uploads it and its reports join the request', async () => {
    const { charger } = await simulated();
    const answer = await ask(charger.id);
    expect(answer).toMatchObject({ ok: true, value: { status: 'accepted', logStatus: 'Accepted', fileName: expect.stringContaining(`${charger.identity}-diagnostics`) } });

    const request = await requestOf(charger.id);
    const [command] = await db.select().from(chargerCommands).where(eq(chargerCommands.id, request.commandId!));
    // The platform's request is the same as for a 1.6 charger; only what goes over the socket is 2.0.1's.
    expect(command).toMatchObject({ action: 'GetDiagnostics', status: 'accepted', response: { status: 'Accepted' } });

    // The handler writes the report, then the charger's status: waiting on the status finds both.
    await waitFor(async () => (await db.select({ status: chargers.diagnosticsStatus }).from(chargers).where(eq(chargers.id, charger.id)))[0]?.status === 'Uploaded');
    expect(await reportsOf(request.id)).toEqual(['Uploading', 'Uploaded']);
    const [file] = await db.select().from(diagnosticsFiles).where(eq(diagnosticsFiles.requestId, request.id));
    expect(file?.fileName).toBe(answer.ok ? answer.value.fileName : null);
    expect(file!.content.toString('utf8')).toContain('"GetLog"');
  });

  it('keeps UploadFailure with the request when the upload address refuses the file', async () => {
    const { charger } = await simulated();
    await whileRefusingUploads(uploads, async () => {
      await ask(charger.id, 'SecurityLog');
      await waitFor(async () => (await reportsOf((await requestOf(charger.id)).id)).includes('UploadFailure'));
    });
    const request = await requestOf(charger.id);
    expect(await reportsOf(request.id)).toEqual(['Uploading', 'UploadFailure']);
    expect(await db.select().from(diagnosticsFiles).where(eq(diagnosticsFiles.requestId, request.id))).toEqual([]);
  });

  it('sends GetLog in 2.0.1 shape and keeps a report only with the request its requestId names', async () => {
    const charger = await makeCharger(db, { accountId: suite.fixture.account.id });
    const client = await suite.connect(suite.server, { identity: charger.identity, protocols: ['ocpp2.0.1'], strictMode: true });
    const received: unknown[] = [];
    client.handle('GetLog', async ({ params }) => {
      received.push(params);
      return { status: 'Accepted', filename: 'x.log' };
    });
    await waitFor(() => isOnline(charger.id));
    const startTime = new Date(Date.now() - 60_000);
    await requestDiagnostics(db, { accountId: suite.fixture.account.id, chargerId: charger.id, requestedBy: suite.fixture.account.owner.id, appUrl: uploads.appUrl, startTime });
    const request = await requestOf(charger.id);
    expect(received).toEqual([
      { logType: 'DiagnosticsLog', requestId: request.ocppRequestId, retries: 3, retryInterval: 30, log: { remoteLocation: expect.stringContaining('/api/diagnostics/uploads/'), oldestTimestamp: startTime.toISOString() } },
    ]);
    expect(await client.call('LogStatusNotification', { status: 'PermissionDenied', requestId: request.ocppRequestId + 1000 })).toEqual({});
    expect(await client.call('LogStatusNotification', { status: 'Idle' })).toEqual({});
    expect(await client.call('LogStatusNotification', { status: 'BadMessage', requestId: request.ocppRequestId })).toEqual({});
    expect(await reportsOf(request.id)).toEqual(['BadMessage']);
  });
});
