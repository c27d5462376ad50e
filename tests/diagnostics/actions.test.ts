import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createDb } from '@/db/client';
import { chargerCommands, chargers, diagnosticsRequests, securityExtensionSupport } from '@/db/schema';
import { makeAccount, makeCharger, makeUser } from '@/db/seed/builders';
import { signInAs } from '../support/fake-auth';
import { formData } from '../support/form';

vi.mock('@/lib/auth', () => import('../support/fake-auth'));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const { requestDiagnosticsAction } = await import('@/app/(app)/chargers/[chargerId]/diagnostics-actions');

const { db, sql } = createDb(process.env.DATABASE_URL!, { max: 2 });
afterAll(() => sql.end());
const idle = { status: 'idle' } as const;

async function ownerWithCharger({ isOnline }: { isOnline: boolean }) {
  const owner = await makeUser(db, { emailVerifiedAt: new Date() });
  const account = await makeAccount(db, { owner });
  const charger = await makeCharger(db, { accountId: account.id, isOnline });
  return { owner, target: { accountId: account.id, chargerId: charger.id } };
}

const nothingSent = async (chargerId: string) => {
  expect(await db.select().from(diagnosticsRequests).where(eq(diagnosticsRequests.chargerId, chargerId))).toEqual([]);
  expect(await db.select().from(chargerCommands).where(eq(chargerCommands.chargerId, chargerId))).toEqual([]);
};

describe('requesting diagnostics', () => {
  it('refuses a stop time before the start next to the field, and a time that is not one', async () => {
    const { owner, target } = await ownerWithCharger({ isOnline: true });
    signInAs(owner);
    const reversed = await requestDiagnosticsAction(idle, formData({ ...target, startTime: '2026-12-01T10:00:00.000Z', stopTime: '2026-12-01T09:00:00.000Z' }));
    expect(reversed).toMatchObject({ status: 'error', fieldErrors: { stopTime: ['diagnosticsStopBeforeStart'] } });
    const garbled = await requestDiagnosticsAction(idle, formData({ ...target, startTime: 'yesterday-ish' }));
    expect(garbled).toMatchObject({ status: 'error', fieldErrors: { startTime: ['dateInvalid'] } });
    await nothingSent(target.chargerId);
  });

  it('tells the user the charger is offline and sends nothing', async () => {
    const { owner, target } = await ownerWithCharger({ isOnline: false });
    signInAs(owner);
    expect(await requestDiagnosticsAction(idle, formData(target))).toMatchObject({ status: 'error', formError: 'diagnosticsChargerOffline' });
    await nothingSent(target.chargerId);
  });

  it("refuses another account's charger", async () => {
    const victim = await ownerWithCharger({ isOnline: true });
    const intruder = await ownerWithCharger({ isOnline: true });
    signInAs(intruder.owner);
    expect(await requestDiagnosticsAction(idle, formData(victim.target))).toMatchObject({ status: 'error', formError: 'forbidden' });
    expect(await requestDiagnosticsAction(idle, formData({ ...victim.target, accountId: intruder.target.accountId }))).toMatchObject({ status: 'error', formError: 'notFound' });
    await nothingSent(victim.target.chargerId);
  });

  it('writes the request with its command, the window as asked, when the charger is online', async () => {
    const { owner, target } = await ownerWithCharger({ isOnline: true });
    // No OCPP server holds the charger here: the command stays pending and the page says so.
    await db.update(chargers).set({ instanceId: 'nobody' }).where(eq(chargers.id, target.chargerId));
    signInAs(owner);
    const result = await requestDiagnosticsAction(idle, formData({ ...target, startTime: '2026-12-01T10:00:00+02:00', stopTime: '' }));
    expect(result).toMatchObject({ status: 'ok', data: { status: 'pending', fileName: null } });
    const [request] = await db.select().from(diagnosticsRequests).where(eq(diagnosticsRequests.chargerId, target.chargerId));
    expect(request).toMatchObject({ requestedBy: owner.id, startTime: new Date('2026-12-01T08:00:00Z'), stopTime: null });
    const [command] = await db.select().from(chargerCommands).where(eq(chargerCommands.id, request!.commandId!));
    expect(command).toMatchObject({ action: 'GetDiagnostics', payload: { startTime: '2026-12-01T08:00:00.000Z', retries: 3 } });
    expect(command!.payload).not.toHaveProperty('stopTime');
  });

  it('asks for a log with GetLog and its requestId, unless the charger is known to lack the security extension', async () => {
    const { owner, target } = await ownerWithCharger({ isOnline: true });
    await db.update(chargers).set({ instanceId: 'nobody' }).where(eq(chargers.id, target.chargerId));
    signInAs(owner);
    const result = await requestDiagnosticsAction(idle, formData({ ...target, logType: 'SecurityLog', stopTime: '2026-12-01T10:00:00Z' }));
    expect(result).toMatchObject({ status: 'ok', data: { status: 'pending' } });
    const [request] = await db.select().from(diagnosticsRequests).where(eq(diagnosticsRequests.chargerId, target.chargerId));
    const [command] = await db.select().from(chargerCommands).where(eq(chargerCommands.id, request!.commandId!));
    expect(command).toMatchObject({ action: 'GetLog', payload: { logType: 'SecurityLog', requestId: request!.ocppRequestId, log: { latestTimestamp: '2026-12-01T10:00:00.000Z' } } });

    const plain = await ownerWithCharger({ isOnline: true });
    await db.insert(securityExtensionSupport).values({ chargerId: plain.target.chargerId, isSupported: false, evidence: 'GetLog: NotImplemented' });
    signInAs(plain.owner);
    const refused = await requestDiagnosticsAction(idle, formData({ ...plain.target, logType: 'DiagnosticsLog' }));
    expect(refused).toMatchObject({ status: 'error', fieldErrors: { logType: ['logNeedsSecurityExtension'] } });
    expect(await requestDiagnosticsAction(idle, formData({ ...plain.target, logType: 'KernelLog' }))).toMatchObject({ status: 'error', fieldErrors: { logType: ['logTypeInvalid'] } });
    await nothingSent(plain.target.chargerId);
  });
});
