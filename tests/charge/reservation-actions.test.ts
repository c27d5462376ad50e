import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { memberships, reservations } from '@/db/schema';
import { makeCard, makeUser } from '@/db/seed/builders';
import { cancelReservationAction, reserveConnectorAction } from '@/app/(app)/charge/actions';
import { idle } from '@/lib/action-result';
import { signInAs } from '../cards/action-support';
import { formData } from '../support/form';
import { chargingSuite } from './charging-suite';

vi.mock('@/lib/auth', () => ({ auth: vi.fn() }));

const { db, setup } = chargingSuite();

const reservationsOf = (chargerId: string) => db.select().from(reservations).where(eq(reservations.chargerId, chargerId));

describe('the Charge page reservation actions', () => {
  it('reserves for the chosen time, refusing a duration the page does not offer next to its field', async () => {
    const { account, member, charger } = await setup();
    const card = await makeCard(db, { accountId: account.id, userId: member.id, kind: 'virtual' });
    signInAs(member);
    const fields = { chargerId: charger.id, connectorId: 2, cardId: card.id };

    expect(await reserveConnectorAction(idle, formData({ ...fields, minutes: 45 }))).toEqual({ status: 'error', fieldErrors: { minutes: ['choiceInvalid'] } });
    expect(await reservationsOf(charger.id)).toHaveLength(0);

    const before = Date.now();
    expect(await reserveConnectorAction(idle, formData({ ...fields, minutes: 60 }))).toEqual({ status: 'ok', data: null });
    const [row] = await reservationsOf(charger.id);
    expect(row).toMatchObject({ status: 'active', connectorId: 2, userId: member.id });
    expect(row!.expiresAt.getTime() - before).toBeGreaterThanOrEqual(60 * 60_000);
  });

  it("answers notFound for another account's charger, and lets only its maker, an owner or a co-owner cancel", async () => {
    const { account, member, charger } = await setup();
    const card = await makeCard(db, { accountId: account.id, userId: member.id, kind: 'virtual' });
    const other = await setup();
    signInAs(other.member);
    expect(await reserveConnectorAction(idle, formData({ chargerId: charger.id, connectorId: 1, cardId: card.id, minutes: 30 }))).toEqual({ status: 'error', formError: 'notFound' });

    signInAs(member);
    expect(await reserveConnectorAction(idle, formData({ chargerId: charger.id, connectorId: 1, cardId: card.id, minutes: 30 }))).toEqual({ status: 'ok', data: null });
    const [reservation] = await reservationsOf(charger.id);
    const [driver, coOwner] = [await makeUser(db, { emailVerifiedAt: new Date() }), await makeUser(db, { emailVerifiedAt: new Date() })];
    await db.insert(memberships).values([
      { accountId: account.id, userId: driver.id, role: 'driver' },
      { accountId: account.id, userId: coOwner.id, role: 'member' },
    ]);

    for (const [user, answer] of [
      [other.member, { status: 'error', formError: 'notFound' }],
      [driver, { status: 'error', formError: 'notYourReservation' }],
      [coOwner, { status: 'ok', data: null }],
    ] as const) {
      signInAs(user);
      expect(await cancelReservationAction(idle, formData({ reservationId: reservation!.id }))).toEqual(answer);
    }
    expect((await reservationsOf(charger.id))[0]).toMatchObject({ status: 'cancelled', cancelledBy: coOwner.id });
  });
});
