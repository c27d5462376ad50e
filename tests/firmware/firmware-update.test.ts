import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { chargerCommands, firmwareUpdates } from '@/db/schema';
import { hashToken } from '@/domain/crypto/token';
import { sendCommand } from '@/domain/commands/send';
import { requestFirmwareUpdate } from '@/domain/firmware/request-update';
import { waitFor } from '@/ocpp-server/test/helpers';
import { chargingSuite } from '../charge/charging-suite';
import { signInAs } from '../cards/action-support';
import { firmwareAppForTests, firmwareForm, firmwareHistoryOf, firmwareVersionOf } from './firmware-app';

vi.mock('@/lib/auth', () => ({ auth: vi.fn() }));

const { db, setup } = chargingSuite();
const downloads: string[] = [];
const firmwareApp = firmwareAppForTests({ onDownload: (path) => downloads.push(path) });
const historyOf = (chargerId: string) => firmwareHistoryOf(db, chargerId);

describe('a firmware update through the charger page', () => {
  it('serves the uploaded file to the charger, which downloads, installs and boots with the new version', async () => {
    const { owner, account, charger, simulator } = await setup({ firmware: { installMs: 20 } });
    signInAs(owner);
    const bytes = randomBytes(300_000);
    const form = firmwareForm({ accountId: account.id, chargerId: charger.id, firmwareFile: new File([bytes], 'cw-2.4.1.bin') });

    const response = await fetch(`${firmwareApp.origin}/api/firmware`, { method: 'POST', body: form, headers: { origin: firmwareApp.origin } });
    expect(await response.json()).toEqual({ status: 'ok', data: { status: 'accepted', answer: null } });

    const [command] = await db.select().from(chargerCommands).where(eq(chargerCommands.chargerId, charger.id));
    expect(command).toMatchObject({ action: 'UpdateFirmware', status: 'accepted', payload: { retries: 3, retryInterval: 60 } });
    const location = String(command!.payload.location);
    expect(location).toMatch(new RegExp(`^${firmwareApp.origin}/api/firmware/[\\w-]{43}/cw-2\\.4\\.1\\.bin$`));
    const token = location.split('/')[5]!;
    const [update] = await db.select().from(firmwareUpdates).where(eq(firmwareUpdates.chargerId, charger.id));
    expect(update).toMatchObject({ tokenHash: hashToken(token), fileName: 'cw-2.4.1.bin', fileSize: bytes.length, commandId: command!.id });

    await waitFor(async () => (await firmwareVersionOf(db, charger.id)) === '2.4.1');
    expect(simulator.firmware.downloads).toHaveLength(1);
    expect(simulator.firmware.downloads[0]!.bytes.equals(bytes)).toBe(true);
    expect(await historyOf(charger.id)).toEqual(['Downloading', 'Downloaded', 'Installing', 'Installed']);
    expect(simulator.firmware.version).toBe('2.4.1');

    // Asked afterwards, the charger says it is idle; that too joins the update's history.
    const trigger = { accountId: account.id, chargerId: charger.id, action: 'TriggerMessage' as const, payload: { requestedMessage: 'FirmwareStatusNotification' as const } };
    expect(await sendCommand(db, trigger)).toMatchObject({ ok: true, value: { status: 'accepted' } });
    await waitFor(async () => (await historyOf(charger.id)).length === 5);
    expect(await historyOf(charger.id)).toEqual(['Downloading', 'Downloaded', 'Installing', 'Installed', 'Idle']);
  });

  it('reports DownloadFailed after trying the given number of times at a URL that has no file', async () => {
    const { owner, account, charger, simulator } = await setup();
    downloads.length = 0;
    const url = `${firmwareApp.origin}/api/firmware/no-such-token/cw-9.bin`;
    const sent = await requestFirmwareUpdate(db, {
      accountId: account.id,
      chargerId: charger.id,
      userId: owner.id,
      source: { kind: 'url', url },
      retrieveAt: new Date(),
      appUrl: firmwareApp.origin,
      retries: 2,
      retryIntervalSeconds: 0,
    });
    expect(sent).toMatchObject({ ok: true, value: { status: 'accepted' } });

    await waitFor(async () => (await historyOf(charger.id)).includes('DownloadFailed'));
    expect(await historyOf(charger.id)).toEqual(['Downloading', 'DownloadFailed']);
    expect(downloads).toEqual(['/api/firmware/no-such-token/cw-9.bin', '/api/firmware/no-such-token/cw-9.bin']);
    expect(await firmwareVersionOf(db, charger.id)).toBe('sim-1.0');
    expect(simulator.firmware.downloads).toHaveLength(0);
    const [update] = await db.select().from(firmwareUpdates).where(eq(firmwareUpdates.chargerId, charger.id));
    expect(update).toMatchObject({ sourceUrl: url, tokenHash: null, fileName: null });
  });
});
