import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createDb } from '@/db/client';
import { chargers } from '@/db/schema';
import { signInAs } from '../support/fake-auth';
import { formData } from '../support/form';
import { ownerWithCharger } from './owner-with-charger';

vi.mock('@/lib/auth', () => import('../support/fake-auth'));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const { updateMeterSettingsAction } = await import('@/app/(app)/chargers/[chargerId]/meter-actions');

const { db, sql } = createDb(process.env.DATABASE_URL!);
afterAll(() => sql.end());
const idle = { status: 'idle' } as const;

const settingsOf = async (chargerId: string) =>
  (await db.select({ interval: chargers.meterSampleIntervalSec, measurands: chargers.meterMeasurands }).from(chargers).where(eq(chargers.id, chargerId)))[0];

describe("a charger's meter settings", () => {
  it('are saved per charger, the energy register always among the measurands, a blank interval meaning the default', async () => {
    const { owner, account, charger } = await ownerWithCharger(db);
    signInAs(owner);
    const target = { accountId: account.id, chargerId: charger.id };
    expect(await updateMeterSettingsAction(idle, formData({ ...target, sampleIntervalSec: '10', power: 'on', soc: 'on' }))).toEqual({ status: 'ok', data: null });
    expect(await settingsOf(charger.id)).toEqual({ interval: 10, measurands: ['Energy.Active.Import.Register', 'Power.Active.Import', 'SoC'] });
    expect(await updateMeterSettingsAction(idle, formData({ ...target, sampleIntervalSec: '' }))).toEqual({ status: 'ok', data: null });
    expect(await settingsOf(charger.id)).toEqual({ interval: null, measurands: ['Energy.Active.Import.Register'] });
  });

  it('refuses an interval outside 1 to 3600 whole seconds next to the field, and another account', async () => {
    const { owner, account, charger } = await ownerWithCharger(db);
    const intruder = await ownerWithCharger(db);
    signInAs(owner);
    for (const sampleIntervalSec of ['0', '3601', '1.5', 'often']) {
      expect(await updateMeterSettingsAction(idle, formData({ accountId: account.id, chargerId: charger.id, sampleIntervalSec }))).toMatchObject({
        status: 'error',
        fieldErrors: { sampleIntervalSec: ['sampleIntervalInvalid'] },
      });
    }
    signInAs(intruder.owner);
    expect(await updateMeterSettingsAction(idle, formData({ accountId: account.id, chargerId: charger.id, sampleIntervalSec: '5' }))).toMatchObject({ formError: 'forbidden' });
    expect(await updateMeterSettingsAction(idle, formData({ accountId: intruder.account.id, chargerId: charger.id, sampleIntervalSec: '5' }))).toMatchObject({ formError: 'notFound' });
    expect(await settingsOf(charger.id)).toEqual({ interval: null, measurands: null });
  });
});
