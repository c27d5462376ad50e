import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { cars, chargingPlans } from '@/db/schema';
import { makeCard } from '@/db/seed/builders';
import { addCarAction, chargeNowAction, removeCarAction, setReadyByAction } from '@/app/actions/ready-by';
import { startChargingAction } from '@/app/(app)/charge/actions';
import { idle } from '@/lib/action-result';
import { transactionAnswered } from '@/ocpp-server/test/simulators';
import { signInAs } from '../cards/action-support';
import { formData } from '../support/form';
import { chargingSuite } from './charging-suite';

vi.mock('@/lib/auth', () => ({ auth: vi.fn() }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const { db, setup } = chargingSuite();

const carsOf = (userId: string) => db.select().from(cars).where(eq(cars.userId, userId));

describe('the ready-by actions', () => {
  it('refuses a bad departure, amount or battery level next to its field, and keeps what was typed', async () => {
    const { member } = await setup();
    signInAs(member);
    const result = await setReadyByAction(idle, formData({ transactionId: 1, departure: '25:00', amount: 'kwh', energyKwh: '-3' }));
    expect(result).toMatchObject({ status: 'error', fieldErrors: { departure: ['departureInvalid'], energyKwh: ['energyInvalid'] }, values: { departure: '25:00', energyKwh: '-3' } });
    const percent = await setReadyByAction(idle, formData({ transactionId: 1, departure: '07:00', amount: 'percent', carId: crypto.randomUUID(), fromPercent: 80, toPercent: 40 }));
    expect(percent).toMatchObject({ status: 'error', fieldErrors: { toPercent: ['percentOrder'] } });
    expect(await setReadyByAction(idle, formData({ transactionId: 'x', departure: '07:00', amount: 'kwh', energyKwh: 20 }))).toEqual({ status: 'error', formError: 'notFound' });
  });

  it("answers notFound for another account's session and for a car that is not the user's", async () => {
    const { account, member, simulator } = await setup();
    const card = await makeCard(db, { accountId: account.id, userId: member.id });
    const started = transactionAnswered(simulator, 'transactionStarted', 1);
    await simulator.startSession(1, card.idTag, { shouldAuthorize: false });
    const transactionId = await started;
    const other = await setup();
    signInAs(other.member);
    expect(await setReadyByAction(idle, formData({ transactionId, departure: '07:00', amount: 'kwh', energyKwh: 20 }))).toMatchObject({ status: 'error', formError: 'notFound' });
    expect(await chargeNowAction(idle, formData({ transactionId }))).toEqual({ status: 'error', formError: 'notFound' });
    expect(await addCarAction(idle, formData({ name: 'Their car', batteryKwh: 60 }))).toEqual({ status: 'ok', data: null });
    const [theirCar] = await carsOf(other.member.id);

    signInAs(member);
    expect(await removeCarAction(idle, formData({ carId: theirCar!.id }))).toEqual({ status: 'error', formError: 'notFound' });
    expect(await setReadyByAction(idle, formData({ transactionId, departure: '07:00', amount: 'percent', carId: theirCar!.id, fromPercent: 20, toPercent: 80 }))).toMatchObject({ status: 'error', formError: 'carNotFound' });
    expect(await db.select().from(chargingPlans).where(eq(chargingPlans.transactionId, transactionId))).toHaveLength(0);
  });

  it('keeps a car per user under a name of its own, and plans by battery level with it', async () => {
    const { account, member, simulator } = await setup({ powerW: 11_000 });
    signInAs(member);
    expect(await addCarAction(idle, formData({ name: 'Family car', batteryKwh: '77,5' }))).toMatchObject({ status: 'error', fieldErrors: { batteryKwh: ['batteryInvalid'] } });
    expect(await addCarAction(idle, formData({ name: 'Family car', batteryKwh: 77.5 }))).toEqual({ status: 'ok', data: null });
    expect(await addCarAction(idle, formData({ name: 'family CAR', batteryKwh: 40 }))).toMatchObject({ status: 'error', fieldErrors: { name: ['carNameTaken'] } });
    const [car] = await carsOf(member.id);
    expect(car).toMatchObject({ name: 'Family car', batteryWh: 77_500 });

    const card = await makeCard(db, { accountId: account.id, userId: member.id });
    const started = transactionAnswered(simulator, 'transactionStarted', 1);
    await simulator.startSession(1, card.idTag, { shouldAuthorize: false });
    const transactionId = await started;
    expect(await setReadyByAction(idle, formData({ transactionId, departure: '07:00', amount: 'percent', carId: car!.id, fromPercent: 20, toPercent: 60 }))).toEqual({ status: 'ok', data: null });
    const [row] = await db.select().from(chargingPlans).where(eq(chargingPlans.transactionId, transactionId));
    expect(row?.plan.targetWh).toBe(31_000);
  });

  it('refuses a start with ready by ticked and a bad amount, without asking the charger', async () => {
    const { account, member, charger, simulator } = await setup();
    const card = await makeCard(db, { accountId: account.id, userId: member.id, kind: 'virtual' });
    signInAs(member);
    const result = await startChargingAction(idle, formData({ chargerId: charger.id, connectorId: 1, cardId: card.id, readyBy: 'on', departure: '07:00', amount: 'kwh', energyKwh: '' }));
    expect(result).toMatchObject({ status: 'error', fieldErrors: { energyKwh: ['energyInvalid'] } });
    expect(simulator.receivedCalls).not.toContain('RemoteStartTransaction');
  });
});
