import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { chargerCommands, chargers, diagnosticsFiles, diagnosticsRequests, diagnosticsStatusReports, securityExtensionSupport } from '../../db/schema';
import { makeCharger } from '../../db/seed/builders';
import { sendCommand } from '../../domain/commands/send';
import { requestDiagnostics } from '../../domain/diagnostics/request';
import { waitFor } from './helpers';
import { startSimulator } from './simulators';
import { ocppSuite } from './suite';
import { uploadServer } from './upload-server';

const suite = ocppSuite();
const { db } = suite;
const uploads = uploadServer(db);

async function onlineCharger(options: { supportsSecurityExtension?: boolean; securityEventsAtBoot?: { type: string; techInfo?: string }[] } = {}) {
  const charger = await makeCharger(db, { accountId: suite.fixture.account.id });
  const simulator = await startSimulator(suite.server, { identity: charger.identity, ...options });
  await waitFor(async () => (await db.select({ isOnline: chargers.isOnline }).from(chargers).where(eq(chargers.id, charger.id)))[0]?.isOnline);
  return { charger, simulator };
}

const askLog = (chargerId: string, logType: 'DiagnosticsLog' | 'SecurityLog', window: { startTime?: Date } = {}) =>
  requestDiagnostics(db, { accountId: suite.fixture.account.id, chargerId, requestedBy: suite.fixture.account.owner.id, appUrl: uploads.appUrl, logType, retries: 1, retryIntervalSec: 0, ...window });

const requestOf = async (chargerId: string) => (await db.select().from(diagnosticsRequests).where(eq(diagnosticsRequests.chargerId, chargerId)))[0]!;
const reportsOf = async (requestId: string) =>
  (await db.select().from(diagnosticsStatusReports).where(eq(diagnosticsStatusReports.requestId, requestId)).orderBy(diagnosticsStatusReports.id)).map((row) => row.status);
const supportOf = async (chargerId: string) => (await db.select().from(securityExtensionSupport).where(eq(securityExtensionSupport.chargerId, chargerId)))[0];

describe('GetLog and LogStatusNotification', () => {
  it('asks for the security log with its window and requestId, and stores the file the charger uploads', async () => {
    const { charger } = await onlineCharger({ securityEventsAtBoot: [{ type: 'SettingSystemTime' }] });
    const startTime = new Date(Date.now() - 60_000);
    const answer = await askLog(charger.id, 'SecurityLog', { startTime });
    expect(answer).toMatchObject({ ok: true, value: { status: 'accepted', logStatus: 'Accepted', fileName: expect.stringContaining(`${charger.identity}-security`) } });

    const request = await requestOf(charger.id);
    const [command] = await db.select().from(chargerCommands).where(eq(chargerCommands.id, request.commandId!));
    expect(command).toMatchObject({
      action: 'GetLog',
      payload: { logType: 'SecurityLog', requestId: request.ocppRequestId, log: { remoteLocation: expect.stringContaining('/api/diagnostics/uploads/'), oldestTimestamp: startTime.toISOString() } },
    });
    expect(request.logType).toBe('SecurityLog');

    await waitFor(async () => (await reportsOf(request.id)).includes('Uploaded'));
    expect(await reportsOf(request.id)).toEqual(['Uploading', 'Uploaded']);
    const [file] = await db.select().from(diagnosticsFiles).where(eq(diagnosticsFiles.requestId, request.id));
    expect(file?.fileName).toBe(answer.ok ? answer.value.fileName : null);
    const text = file!.content.toString('utf8');
    expect(text).toContain('security log');
    expect(text).toContain('SettingSystemTime');
    expect(text).not.toContain('"Heartbeat"');
    expect((await supportOf(charger.id))?.isSupported).toBe(true);
  });

  it('keeps UploadFailure for the request the notification names, with nothing stored', async () => {
    const { charger } = await onlineCharger();
    uploads.refusesUploads = true;
    try {
      await askLog(charger.id, 'DiagnosticsLog');
      const request = await requestOf(charger.id);
      await waitFor(async () => (await reportsOf(request.id)).includes('UploadFailure'));
      expect(await reportsOf(request.id)).toEqual(['Uploading', 'UploadFailure']);
      expect(await db.select().from(diagnosticsFiles).where(eq(diagnosticsFiles.requestId, request.id))).toEqual([]);
    } finally {
      uploads.refusesUploads = false;
    }
  });

  it('records a LogStatusNotification with a requestId of no request of its own without touching others', async () => {
    const charger = await makeCharger(db, { accountId: suite.fixture.account.id });
    const client = await suite.connect(suite.server, { identity: charger.identity });
    client.handle('GetLog', async () => ({ status: 'Accepted', filename: 'x.log' }));
    await waitFor(async () => (await db.select({ isOnline: chargers.isOnline }).from(chargers).where(eq(chargers.id, charger.id)))[0]?.isOnline);
    await askLog(charger.id, 'DiagnosticsLog');
    const request = await requestOf(charger.id);
    expect(await client.call('LogStatusNotification', { status: 'PermissionDenied', requestId: request.ocppRequestId + 1000 })).toEqual({});
    expect(await client.call('LogStatusNotification', { status: 'BadMessage', requestId: request.ocppRequestId })).toEqual({});
    expect(await reportsOf(request.id)).toEqual(['BadMessage']);
    const [row] = await db.select({ status: chargers.diagnosticsStatus }).from(chargers).where(eq(chargers.id, charger.id));
    expect(row?.status).toBe('BadMessage');
  });

  it('notes a charger that answers GetLog NotImplemented as lacking the security extension', async () => {
    const { charger } = await onlineCharger({ supportsSecurityExtension: false });
    const answer = await askLog(charger.id, 'DiagnosticsLog');
    expect(answer).toMatchObject({ ok: true, value: { status: 'failed' } });
    expect(await supportOf(charger.id)).toMatchObject({ isSupported: false, evidence: 'GetLog: NotImplemented' });
  });

  it('answers a triggered LogStatusNotification Idle when no upload runs', async () => {
    const { charger, simulator } = await onlineCharger();
    const triggered = await sendCommand(db, { accountId: suite.fixture.account.id, chargerId: charger.id, action: 'ExtendedTriggerMessage', payload: { requestedMessage: 'LogStatusNotification' } });
    expect(triggered).toMatchObject({ ok: true, value: { status: 'accepted' } });
    await waitFor(async () => (await db.select({ status: chargers.diagnosticsStatus }).from(chargers).where(eq(chargers.id, charger.id)))[0]?.status === 'Idle');
    expect(simulator.receivedCalls).toContain('ExtendedTriggerMessage');
  });
});
