import { and, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createDb } from '@/db/client';
import { chargerCommands, circuitChargers, circuits, memberships } from '@/db/schema';
import { makeCharger, makeUser } from '@/db/seed/builders';
import { CIRCUIT_DEFAULT_PROFILE_ID } from '@/domain/circuits/circuit-profiles';
import { signInAs } from '../support/fake-auth';
import { formData } from '../support/form';
import { ownerWithCharger } from '../chargers/owner-with-charger';

vi.mock('@/lib/auth', () => import('../support/fake-auth'));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const { createCircuitAction, updateCircuitAction, setCircuitChargersAction, deleteCircuitAction } = await import('@/app/(app)/circuits/actions');

const { db, sql } = createDb(process.env.DATABASE_URL!);
afterAll(() => sql.end());
const idle = { status: 'idle' } as const;

// Next's redirect throws; the digest names where it went.
async function redirectOf(run: Promise<unknown>) {
  try {
    await run;
  } catch (error) {
    return String((error as { digest?: string }).digest).split(';')[2];
  }
  return null;
}

async function ownerWithCircuit() {
  const setup = await ownerWithCharger(db);
  signInAs(setup.owner);
  const to = await redirectOf(createCircuitAction(idle, formData({ accountId: setup.account.id, name: 'Garage', capacityA: '32', minCurrentA: '6' })));
  const circuitId = to!.split('/').at(-1)!;
  return { ...setup, circuitId, fields: { accountId: setup.account.id, circuitId } };
}

const membersOf = async (circuitId: string) => db.select({ chargerId: circuitChargers.chargerId, phase: circuitChargers.phase }).from(circuitChargers).where(eq(circuitChargers.circuitId, circuitId));

describe('circuits', () => {
  it('are created and edited by an owner, with errors next to the fields and nothing lost', async () => {
    const { circuitId, fields } = await ownerWithCircuit();
    expect(await db.select({ name: circuits.name, capacityA: circuits.capacityA, minCurrentA: circuits.minCurrentA }).from(circuits).where(eq(circuits.id, circuitId))).toEqual([
      { name: 'Garage', capacityA: 32, minCurrentA: 6 },
    ]);
    expect(await updateCircuitAction(idle, formData({ ...fields, name: 'Garage', capacityA: '0', minCurrentA: '4' }))).toMatchObject({
      status: 'error',
      fieldErrors: { capacityA: ['circuitCapacityInvalid'], minCurrentA: ['circuitMinimumInvalid'] },
    });
    expect(await updateCircuitAction(idle, formData({ ...fields, name: 'Garage', capacityA: '10', minCurrentA: '16' }))).toMatchObject({ fieldErrors: { minCurrentA: ['circuitMinimumAboveCapacity'] } });
    expect(await updateCircuitAction(idle, formData({ ...fields, name: ' ', capacityA: '25', minCurrentA: '6' }))).toMatchObject({ fieldErrors: { name: ['required'] } });
    expect((await db.select({ capacityA: circuits.capacityA }).from(circuits).where(eq(circuits.id, circuitId)))[0]).toEqual({ capacityA: 32 });
    expect(await updateCircuitAction(idle, formData({ ...fields, name: 'Garage', capacityA: '25', minCurrentA: '8' }))).toEqual({ status: 'ok', data: null });
    expect((await db.select({ capacityA: circuits.capacityA }).from(circuits).where(eq(circuits.id, circuitId)))[0]).toEqual({ capacityA: 25 });
  });

  it('take the account’s chargers, a single-phase one on the phase it is wired to, and ask a leaving charger to drop their profiles', async () => {
    const { account, charger, circuitId, fields } = await ownerWithCircuit();
    const second = await makeCharger(db, { accountId: account.id, connectorCount: 1 });
    expect(await setCircuitChargersAction(idle, formData({ ...fields, [`charger_${charger.id}`]: 'on', [`charger_${second.id}`]: 'on', [`phase_${second.id}`]: '2' }))).toEqual({ status: 'ok', data: null });
    expect(await membersOf(circuitId)).toEqual(expect.arrayContaining([{ chargerId: charger.id, phase: 1 }, { chargerId: second.id, phase: 2 }]));
    expect(await setCircuitChargersAction(idle, formData({ ...fields, [`charger_${charger.id}`]: 'on' }))).toEqual({ status: 'ok', data: null });
    expect(await membersOf(circuitId)).toEqual([{ chargerId: charger.id, phase: 1 }]);
    const clears = await db.select({ payload: chargerCommands.payload }).from(chargerCommands).where(and(eq(chargerCommands.chargerId, second.id), eq(chargerCommands.action, 'ClearChargingProfile')));
    expect(clears.map((row) => row.payload)).toEqual([{ id: CIRCUIT_DEFAULT_PROFILE_ID }, { id: CIRCUIT_DEFAULT_PROFILE_ID + 1 }]);
  });

  it('refuse another account’s charger and circuit, and a driver', async () => {
    const { account, circuitId, fields } = await ownerWithCircuit();
    const intruder = await ownerWithCharger(db);
    expect(await setCircuitChargersAction(idle, formData({ ...fields, [`charger_${intruder.charger.id}`]: 'on' }))).toMatchObject({ formError: 'chargerNotFound' });
    expect(await membersOf(circuitId)).toEqual([]);
    signInAs(intruder.owner);
    expect(await updateCircuitAction(idle, formData({ ...fields, name: 'Mine', capacityA: '63', minCurrentA: '6' }))).toMatchObject({ formError: 'forbidden' });
    expect(await deleteCircuitAction(idle, formData({ accountId: intruder.account.id, circuitId }))).toMatchObject({ formError: 'notFound' });
    const driver = await makeUser(db, { emailVerifiedAt: new Date() });
    await db.insert(memberships).values({ accountId: account.id, userId: driver.id, role: 'driver' });
    signInAs(driver);
    expect(await deleteCircuitAction(idle, formData(fields))).toMatchObject({ formError: 'coOwnersOnly' });
    expect(await db.select({ id: circuits.id }).from(circuits).where(eq(circuits.id, circuitId))).toHaveLength(1);
  });

  it('follow the meter feed and charge from solar only when the owner says so, one circuit per account at the grid connection', async () => {
    const { account, circuitId, fields } = await ownerWithCircuit();
    const settings = { ...fields, name: 'Garage', capacityA: '32', minCurrentA: '6' };
    const feedOf = async (id: string) => (await db.select({ followsMeterFeed: circuits.followsMeterFeed, solarMode: circuits.solarMode }).from(circuits).where(eq(circuits.id, id)))[0];
    expect(await updateCircuitAction(idle, formData({ ...settings, solarMode: 'surplus' }))).toMatchObject({ fieldErrors: { solarMode: ['circuitSolarNeedsFeed'] } });
    expect(await updateCircuitAction(idle, formData({ ...settings, followsMeterFeed: 'on', solarMode: 'moonlight' }))).toMatchObject({ fieldErrors: { solarMode: ['choiceInvalid'] } });
    expect(await feedOf(circuitId)).toEqual({ followsMeterFeed: false, solarMode: 'off' });
    expect(await updateCircuitAction(idle, formData({ ...settings, followsMeterFeed: 'on', solarMode: 'minimumPlusSurplus' }))).toEqual({ status: 'ok', data: null });
    expect(await feedOf(circuitId)).toEqual({ followsMeterFeed: true, solarMode: 'minimumPlusSurplus' });

    const second = await redirectOf(createCircuitAction(idle, formData({ accountId: account.id, name: 'Barn', capacityA: '16', minCurrentA: '6' })));
    const secondFields = { accountId: account.id, circuitId: second!.split('/').at(-1)!, name: 'Barn', capacityA: '16', minCurrentA: '6' };
    expect(await updateCircuitAction(idle, formData({ ...secondFields, followsMeterFeed: 'on' }))).toMatchObject({ fieldErrors: { followsMeterFeed: ['circuitFeedTaken'] }, values: { name: 'Barn' } });
    expect(await feedOf(secondFields.circuitId)).toEqual({ followsMeterFeed: false, solarMode: 'off' });
    expect(await createCircuitAction(idle, formData({ accountId: account.id, name: 'Shed', capacityA: '16', minCurrentA: '6', followsMeterFeed: 'on' }))).toMatchObject({ fieldErrors: { followsMeterFeed: ['circuitFeedTaken'] } });
  });

  it('are deleted by an owner, their chargers released', async () => {
    const { charger, circuitId, fields } = await ownerWithCircuit();
    await setCircuitChargersAction(idle, formData({ ...fields, [`charger_${charger.id}`]: 'on' }));
    expect(await redirectOf(deleteCircuitAction(idle, formData(fields)))).toBe('/circuits');
    expect(await db.select({ id: circuits.id }).from(circuits).where(eq(circuits.id, circuitId))).toEqual([]);
    expect(await db.select({ id: chargerCommands.id }).from(chargerCommands).where(and(eq(chargerCommands.chargerId, charger.id), eq(chargerCommands.action, 'ClearChargingProfile')))).not.toHaveLength(0);
  });
});
