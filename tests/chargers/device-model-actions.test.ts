import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createDb } from '@/db/client';
import { chargerCommands, deviceVariables } from '@/db/schema';
import { makeAccount, makeCharger, makeUser } from '@/db/seed/builders';
import { signInAs } from '../support/fake-auth';
import { formData } from '../support/form';

vi.mock('@/lib/auth', () => import('../support/fake-auth'));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const { setDeviceVariableAction, refreshDeviceModelAction } = await import('@/app/(app)/chargers/[chargerId]/device-model-actions');

const { db, sql } = createDb(process.env.DATABASE_URL!);
afterAll(() => sql.end());
const idle = { status: 'idle' } as const;

async function ownerWithModel() {
  const owner = await makeUser(db, { emailVerifiedAt: new Date() });
  const account = await makeAccount(db, { owner });
  const charger = await makeCharger(db, { accountId: account.id });
  const base = { chargerId: charger.id, componentName: 'OCPPCommCtrlr', reportedAt: new Date() };
  const [interval, profile, password] = await db
    .insert(deviceVariables)
    .values([
      { ...base, variableName: 'HeartbeatInterval', value: '300', mutability: 'ReadWrite', dataType: 'integer', unit: 's', minLimit: 1, maxLimit: 86400 },
      { ...base, componentName: 'SecurityCtrlr', variableName: 'SecurityProfile', value: '1', mutability: 'ReadOnly', dataType: 'integer' },
      { ...base, componentName: 'SecurityCtrlr', variableName: 'BasicAuthPassword', value: null, mutability: 'WriteOnly', dataType: 'string', maxLimit: 40 },
    ])
    .returning();
  return { owner, account, charger, interval: interval!, profile: profile!, password: password! };
}

const commandsOf = (chargerId: string) => db.select().from(chargerCommands).where(eq(chargerCommands.chargerId, chargerId));

describe('changing a device model variable from the charger page', () => {
  it('refuses a value that is not of the variable\'s type, or outside its limits, next to the field, and sends nothing', async () => {
    const { owner, account, charger, interval } = await ownerWithModel();
    signInAs(owner);
    const target = { accountId: account.id, chargerId: charger.id, variableId: interval.id };
    expect(await setDeviceVariableAction(idle, formData({ ...target, value: 'ten' }))).toMatchObject({ status: 'error', fieldErrors: { value: ['variableInteger'] }, values: { value: 'ten' } });
    expect(await setDeviceVariableAction(idle, formData({ ...target, value: '0' }))).toMatchObject({ status: 'error', fieldErrors: { value: ['variableBelowMin'] }, fieldErrorValues: { lowest: '1' } });
    expect(await commandsOf(charger.id)).toHaveLength(0);
    const [stored] = await db.select().from(deviceVariables).where(eq(deviceVariables.id, interval.id));
    expect(stored?.value).toBe('300');
  });

  it('leaves the charger\'s password to its own flow, which lets the charger in with the new one', async () => {
    const { owner, account, charger, password } = await ownerWithModel();
    signInAs(owner);
    const result = await setDeviceVariableAction(idle, formData({ accountId: account.id, chargerId: charger.id, variableId: password.id, value: 'a-new-password-123' }));
    expect(result).toMatchObject({ status: 'error', fieldErrors: { value: ['authorizationKeyBySend'] } });
    expect(await commandsOf(charger.id)).toHaveLength(0);
  });

  it('refuses to change a read-only variable', async () => {
    const { owner, account, charger, profile } = await ownerWithModel();
    signInAs(owner);
    const result = await setDeviceVariableAction(idle, formData({ accountId: account.id, chargerId: charger.id, variableId: profile.id, value: '3' }));
    expect(result).toMatchObject({ status: 'error', fieldErrors: { value: ['variableReadOnly'] } });
    expect(await commandsOf(charger.id)).toHaveLength(0);
  });

  it('refuses another account\'s charger and variable, whichever account is claimed', async () => {
    const victim = await ownerWithModel();
    const intruder = await ownerWithModel();
    signInAs(intruder.owner);
    for (const [accountId, expected] of [[victim.account.id, 'forbidden'], [intruder.account.id, 'notFound']] as const) {
      const set = await setDeviceVariableAction(idle, formData({ accountId, chargerId: victim.charger.id, variableId: victim.interval.id, value: '60' }));
      const mixed = await setDeviceVariableAction(idle, formData({ accountId, chargerId: intruder.charger.id, variableId: victim.interval.id, value: '60' }));
      const refresh = await refreshDeviceModelAction(idle, formData({ accountId, chargerId: victim.charger.id }));
      expect(set).toMatchObject({ status: 'error', formError: expected });
      expect(refresh).toMatchObject({ status: 'error', formError: expected });
      if (expected === 'notFound') expect(mixed).toMatchObject({ status: 'error', formError: 'notFound' });
    }
    expect(await commandsOf(victim.charger.id)).toHaveLength(0);
    expect(await commandsOf(intruder.charger.id)).toHaveLength(0);
  });
});
