import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createDb } from '@/db/client';
import { chargerPowerSettings, memberships } from '@/db/schema';
import { makeUser } from '@/db/seed/builders';
import { signInAs } from '../support/fake-auth';
import { formData } from '../support/form';
import { ownerWithCharger } from './owner-with-charger';

vi.mock('@/lib/auth', () => import('../support/fake-auth'));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
vi.mock('next-intl/server', async (original) => ({ ...(await original<object>()), getTimeZone: async () => 'Europe/Vilnius' }));

const { savePowerSettingsAction } = await import('@/app/(app)/chargers/[chargerId]/power-actions');

const { db, sql } = createDb(process.env.DATABASE_URL!);
afterAll(() => sql.end());
const idle = { status: 'idle' } as const;

const settingsOf = async (chargerId: string) =>
  (await db.select({ maxPowerW: chargerPowerSettings.maxPowerW, windows: chargerPowerSettings.windows, timeZone: chargerPowerSettings.timeZone, sendOutcome: chargerPowerSettings.sendOutcome }).from(chargerPowerSettings).where(eq(chargerPowerSettings.chargerId, chargerId)))[0];

const weekdayNights = { from0: '23:00', to0: '07:00', day0_0: 'on', day0_1: 'on', day0_2: 'on', day0_3: 'on', day0_4: 'on' };

describe("a charger's power settings", () => {
  it('are saved for an owner, a decimal comma read as a point, and sent (an offline charger does not answer)', async () => {
    const { owner, charger, target } = await ownerWithCharger(db);
    signInAs(owner);
    expect(await savePowerSettingsAction(idle, formData({ ...target, maxPowerKw: '7,4', ...weekdayNights }))).toEqual({ status: 'ok', data: 'noAnswer' });
    expect(await settingsOf(charger.id)).toEqual({ maxPowerW: 7_400, windows: [{ days: [0, 1, 2, 3, 4], from: '23:00', to: '07:00' }], timeZone: 'Europe/Vilnius', sendOutcome: 'noAnswer' });
    expect(await savePowerSettingsAction(idle, formData({ ...target, maxPowerKw: '' }))).toMatchObject({ status: 'ok' });
    expect(await settingsOf(charger.id)).toMatchObject({ maxPowerW: null, windows: [] });
  });

  // The form says "Times in {zone}" with the zone they were saved in; an owner whose browser is elsewhere now must not
  // have them read in another zone, hours off.
  it('reads the windows in the zone the form names, and in the owner’s own when it names none it knows', async () => {
    const { owner, charger, target } = await ownerWithCharger(db);
    signInAs(owner);
    expect(await savePowerSettingsAction(idle, formData({ ...target, timeZone: 'America/New_York', ...weekdayNights }))).toMatchObject({ status: 'ok' });
    expect(await settingsOf(charger.id)).toMatchObject({ timeZone: 'America/New_York' });
    expect(await savePowerSettingsAction(idle, formData({ ...target, timeZone: 'Mars/Olympus', ...weekdayNights }))).toMatchObject({ status: 'ok' });
    expect(await settingsOf(charger.id)).toMatchObject({ timeZone: 'Europe/Vilnius' });
  });

  it('refuses a power out of range and an incomplete window next to their fields, keeping what was stored', async () => {
    const { owner, charger, target } = await ownerWithCharger(db);
    signInAs(owner);
    await savePowerSettingsAction(idle, formData({ ...target, maxPowerKw: '11' }));
    for (const maxPowerKw of ['0.5', '100', 'fast']) {
      expect(await savePowerSettingsAction(idle, formData({ ...target, maxPowerKw }))).toMatchObject({ status: 'error', fieldErrors: { maxPowerKw: ['maxPowerInvalid'] } });
    }
    expect(await savePowerSettingsAction(idle, formData({ ...target, from1: '25:00', to1: '07:00' }))).toMatchObject({
      status: 'error',
      fieldErrors: { from1: ['windowTimeInvalid', 'windowDaysMissing'] },
    });
    expect(await savePowerSettingsAction(idle, formData({ ...target, from0: '07:00', to0: '07:00', day0_5: 'on' }))).toMatchObject({ fieldErrors: { from0: ['windowEmpty'] } });
    expect(await settingsOf(charger.id)).toMatchObject({ maxPowerW: 11_000 });
  });

  it('keep the phases and voltage the charger is wired to, three at 230 V unless the owner says otherwise, refusing others', async () => {
    const { owner, charger, target } = await ownerWithCharger(db);
    signInAs(owner);
    const wiring = async () => (await db.select({ phases: chargerPowerSettings.phases, voltage: chargerPowerSettings.voltage }).from(chargerPowerSettings).where(eq(chargerPowerSettings.chargerId, charger.id)))[0];
    await savePowerSettingsAction(idle, formData({ ...target, maxPowerKw: '7' }));
    expect(await wiring()).toEqual({ phases: 3, voltage: 230 });
    expect(await savePowerSettingsAction(idle, formData({ ...target, maxPowerKw: '7', phases: '1', voltage: '120' }))).toMatchObject({ status: 'ok' });
    expect(await wiring()).toEqual({ phases: 1, voltage: 120 });
    expect(await savePowerSettingsAction(idle, formData({ ...target, phases: '2', voltage: '12' }))).toMatchObject({
      status: 'error',
      fieldErrors: { phases: ['phasesInvalid'], voltage: ['voltageInvalid'] },
    });
    expect(await wiring()).toEqual({ phases: 1, voltage: 120 });
  });

  it('may be changed by an owner and a co-owner: a driver is refused, and another account reads as forbidden', async () => {
    const { account, charger, target } = await ownerWithCharger(db);
    const [coOwner, driver] = [await makeUser(db, { emailVerifiedAt: new Date() }), await makeUser(db, { emailVerifiedAt: new Date() })];
    await db.insert(memberships).values([
      { accountId: account.id, userId: coOwner.id, role: 'member' },
      { accountId: account.id, userId: driver.id, role: 'driver' },
    ]);
    signInAs(driver);
    expect(await savePowerSettingsAction(idle, formData({ ...target, maxPowerKw: '3' }))).toMatchObject({ formError: 'coOwnersOnly' });
    const intruder = await ownerWithCharger(db);
    signInAs(intruder.owner);
    expect(await savePowerSettingsAction(idle, formData({ ...target, maxPowerKw: '3' }))).toMatchObject({ formError: 'forbidden' });
    expect(await savePowerSettingsAction(idle, formData({ ...intruder.target, chargerId: charger.id, maxPowerKw: '3' }))).toMatchObject({ formError: 'notFound' });
    expect(await settingsOf(charger.id)).toBeUndefined();
    signInAs(coOwner);
    expect(await savePowerSettingsAction(idle, formData({ ...target, maxPowerKw: '3' }))).toMatchObject({ status: 'ok' });
    expect(await settingsOf(charger.id)).toMatchObject({ maxPowerW: 3_000 });
  });
});
