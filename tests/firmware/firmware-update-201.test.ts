import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { chargerCommands, chargers, firmwareStatusReports, firmwareUpdates, memberships } from '@/db/schema';
import { makeAccount, makeCharger, makeUser } from '@/db/seed/builders';
import { sendCommand } from '@/domain/commands/send';
import { requestFirmwareUpdate } from '@/domain/firmware/request-update';
import { waitFor } from '@/ocpp-server/test/helpers';
import type { SimulatedCharger201 } from '@/ocpp-server/simulator/v201/simulated-charger-201';
import { startSimulator201 } from '@/ocpp-server/test/simulators';
import { chargingSuite } from '../charge/charging-suite';
import { signInAs } from '../cards/action-support';
import { firmwareAppForTests, firmwareForm, firmwareHistoryOf, firmwareVersionOf } from './firmware-app';

vi.mock('@/lib/auth', () => ({ auth: vi.fn() }));

// tests/firmware/firmware-update.test.ts again, for a charger speaking OCPP 2.0.1 (L01: UpdateFirmware with a
// requestId, FirmwareStatusNotifications naming it).
const { db, server } = chargingSuite();
const firmwareApp = firmwareAppForTests();
const historyOf = (chargerId: string) => firmwareHistoryOf(db, chargerId);

// The CALLs of one action the charger received, as it read them off the socket.
function receivedCalls(simulator: SimulatedCharger201, action: string) {
  const calls: Record<string, unknown>[] = [];
  simulator.client.on('message', ({ message, outbound }: { message: string; outbound: boolean }) => {
    const frame = JSON.parse(String(message)) as unknown[];
    if (!outbound && frame[0] === 2 && frame[2] === action) calls.push(frame[3] as Record<string, unknown>);
  });
  return calls;
}

async function setup201() {
  const owner = await makeUser(db, { emailVerifiedAt: new Date() });
  const account = await makeAccount(db, { owner });
  await db.insert(memberships).values({ accountId: account.id, userId: (await makeUser(db)).id, role: 'member' });
  const charger = await makeCharger(db, { accountId: account.id });
  const simulator = await startSimulator201(server(), { identity: charger.identity, evses: 1, firmware: { installMs: 20 } });
  await waitFor(async () => (await db.select().from(chargers).where(and(eq(chargers.id, charger.id), eq(chargers.isOnline, true))))[0]);
  return { owner, account, charger, simulator };
}

describe('a firmware update of a 2.0.1 charger through the charger page', () => {
  it('sends UpdateFirmware with the update’s requestId; the charger downloads the file, installs it and boots with the new version', async () => {
    const { owner, account, charger, simulator } = await setup201();
    expect(await firmwareVersionOf(db, charger.id)).toBe('sim-2.0.1');
    const calls = receivedCalls(simulator, 'UpdateFirmware');
    signInAs(owner);
    const bytes = randomBytes(200_000);
    const form = firmwareForm({ accountId: account.id, chargerId: charger.id, firmwareFile: new File([bytes], 'cw-3.1.0.bin') });

    const response = await fetch(`${firmwareApp.origin}/api/firmware`, { method: 'POST', body: form, headers: { origin: firmwareApp.origin } });
    expect(await response.json()).toEqual({ status: 'ok', data: { status: 'accepted', answer: 'Accepted' } });

    const [command] = await db.select().from(chargerCommands).where(eq(chargerCommands.chargerId, charger.id));
    const [update] = await db.select().from(firmwareUpdates).where(eq(firmwareUpdates.chargerId, charger.id));
    expect(command).toMatchObject({ action: 'UpdateFirmware', status: 'accepted', response: { status: 'Accepted' } });
    expect(update).toMatchObject({ commandId: command!.id, fileName: 'cw-3.1.0.bin' });
    expect(calls).toEqual([{ requestId: update!.ocppRequestId, retries: 3, retryInterval: 60, firmware: { location: command!.payload.location, retrieveDateTime: expect.any(String) } }]);

    await waitFor(async () => (await firmwareVersionOf(db, charger.id)) === '3.1.0');
    expect(simulator.firmware.downloads).toHaveLength(1);
    expect(simulator.firmware.downloads[0]!.bytes.equals(bytes)).toBe(true);
    expect(simulator.firmware.downloads[0]!.location).toBe(command!.payload.location);
    expect(await historyOf(charger.id)).toEqual(['Downloading', 'Downloaded', 'Installing', 'Installed']);
    const [row] = await db.select({ firmwareStatus: chargers.firmwareStatus }).from(chargers).where(eq(chargers.id, charger.id));
    expect(row?.firmwareStatus).toBe('Installed');

    // Asked afterwards (a 2.0.1 TriggerMessage), the charger says it is idle; that too joins the update's history.
    const trigger = { accountId: account.id, chargerId: charger.id, action: 'TriggerMessage' as const, payload: { requestedMessage: 'FirmwareStatusNotification' as const } };
    expect(await sendCommand(db, trigger)).toMatchObject({ ok: true, value: { status: 'accepted' } });
    await waitFor(async () => (await historyOf(charger.id)).length === 5);
    expect(await historyOf(charger.id)).toEqual(['Downloading', 'Downloaded', 'Installing', 'Installed', 'Idle']);
  });

  it('keeps each report with the update its requestId names, DownloadFailed included', async () => {
    const { owner, account, charger, simulator } = await setup201();
    const url = `${firmwareApp.origin}/api/firmware/no-such-token/cw-9.bin`;
    const ask = () =>
      requestFirmwareUpdate(db, { accountId: account.id, chargerId: charger.id, userId: owner.id, source: { kind: 'url', url }, retrieveAt: new Date(), appUrl: firmwareApp.origin, retries: 1, retryIntervalSeconds: 0 });
    const calls = receivedCalls(simulator, 'UpdateFirmware');
    expect(await ask()).toMatchObject({ ok: true, value: { status: 'accepted' } });
    await waitFor(async () => (await historyOf(charger.id)).includes('DownloadFailed'));
    expect(await ask()).toMatchObject({ ok: true, value: { status: 'accepted' } });
    await waitFor(async () => (await historyOf(charger.id)).length === 4);

    const updates = await db.select({ id: firmwareUpdates.id, ocppRequestId: firmwareUpdates.ocppRequestId }).from(firmwareUpdates).where(eq(firmwareUpdates.chargerId, charger.id));
    expect(updates).toHaveLength(2);
    expect(calls.map((call) => call.requestId).sort()).toEqual(updates.map((update) => update.ocppRequestId).sort());
    const statusesOf = async (updateId: string) =>
      (await db.select().from(firmwareStatusReports).where(eq(firmwareStatusReports.updateId, updateId)).orderBy(firmwareStatusReports.id)).map((report) => report.status);
    expect(await Promise.all(updates.map(({ id }) => statusesOf(id)))).toEqual([
      ['Downloading', 'DownloadFailed'],
      ['Downloading', 'DownloadFailed'],
    ]);
    expect(simulator.firmware.version).toBe('sim-2.0.1');
  });
});
