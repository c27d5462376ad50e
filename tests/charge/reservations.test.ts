import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { chargerCommands, connectors, memberships, reservations, reservationSupport, transactions } from '@/db/schema';
import { makeCard, makeUser } from '@/db/seed/builders';
import { sendCommand } from '@/domain/commands/send';
import { cancelReservation } from '@/domain/reservations/cancel';
import { reserveConnector } from '@/domain/reservations/reserve';
import { startCharging } from '@/lib/charge/start-charging';
import { endMembership } from '@/domain/people/end-membership';
import { waitFor } from '@/ocpp-server/test/helpers';
import { transactionAnswered } from '@/ocpp-server/test/simulators';
import { chargingSuite } from './charging-suite';
import { db as webDb } from '@/lib/db';

const { db, setup } = chargingSuite({ reservationSweepMs: 200 });

const reservationRow = async (id: number) => (await db.select().from(reservations).where(eq(reservations.id, id)))[0]!;
const connectorStatus = async (chargerId: string, connectorId: number) =>
  (await db.select({ status: connectors.status }).from(connectors).where(and(eq(connectors.chargerId, chargerId), eq(connectors.connectorId, connectorId))))[0]?.status;

async function reservedByMember(options: Parameters<typeof setup>[0] = {}, minutes = 30) {
  const fixture = await setup(options);
  const card = await makeCard(db, { accountId: fixture.account.id, userId: fixture.member.id, kind: 'virtual' });
  const reserved = await reserveConnector(webDb(), { userId: fixture.member.id, chargerId: fixture.charger.id, connectorId: 1, cardId: card.id, minutes });
  return { ...fixture, card, reserved };
}

describe('reserving a connector', () => {
  it("holds the connector for the member's virtual card: the charger shows it Reserved and refuses another card there", async () => {
    const { charger, simulator, account, owner, card, reserved } = await reservedByMember();
    expect(reserved.ok).toBe(true);
    const reservationId = reserved.ok ? reserved.value.reservationId : -1;
    expect(await reservationRow(reservationId)).toMatchObject({ status: 'active', chargerAnswer: 'Accepted', connectorId: 1, idTag: card.idTag, cardId: card.id });
    await waitFor(async () => (await connectorStatus(charger.id, 1)) === 'Reserved');
    const [command] = await db.select().from(chargerCommands).where(and(eq(chargerCommands.chargerId, charger.id), eq(chargerCommands.action, 'ReserveNow')));
    expect(command!.payload).toMatchObject({ connectorId: 1, idTag: card.idTag, reservationId });

    const ownersCard = await makeCard(db, { accountId: account.id, userId: owner.id });
    const otherStart = await sendCommand(db, { accountId: account.id, chargerId: charger.id, action: 'RemoteStartTransaction', payload: { connectorId: 1, idTag: ownersCard.idTag } });
    expect(otherStart).toMatchObject({ ok: true, value: { status: 'rejected' } });
    expect(await simulator.startSession(1, ownersCard.idTag)).toBe(false);
    expect(await startCharging(webDb(), { userId: owner.id, chargerId: charger.id, connectorId: 1, cardId: ownersCard.id })).toEqual({ ok: false, reason: 'connectorReserved' });
    expect(await db.select().from(transactions).where(eq(transactions.chargerId, charger.id))).toHaveLength(0);
  });

  it('ends the reservation at the StartTransaction that carries its id, when the member starts with that card', async () => {
    const { charger, simulator, member, card, reserved } = await reservedByMember();
    const reservationId = reserved.ok ? reserved.value.reservationId : -1;
    await waitFor(async () => (await connectorStatus(charger.id, 1)) === 'Reserved');
    const started = transactionAnswered(simulator, 'transactionStarted', 1);

    expect(await startCharging(webDb(), { userId: member.id, chargerId: charger.id, connectorId: 1, cardId: card.id })).toEqual({ ok: true, value: null });

    const transactionId = await started;
    const [session] = await db.select().from(transactions).where(eq(transactions.id, transactionId));
    expect(session).toMatchObject({ reservationId, cardId: card.id, connectorId: 1 });
    expect(await reservationRow(reservationId)).toMatchObject({ status: 'used', transactionId });
  });

  it("refuses a second reservation of the same connector, and lets a driver cancel their own but not another's; an owner or a co-owner cancels anyone's", async () => {
    const { charger, account, owner, member, reserved } = await reservedByMember();
    await db.update(memberships).set({ role: 'driver' }).where(and(eq(memberships.accountId, account.id), eq(memberships.userId, member.id)));
    const reservationId = reserved.ok ? reserved.value.reservationId : -1;
    const ownersCard = await makeCard(db, { accountId: account.id, userId: owner.id, kind: 'virtual' });
    expect(await reserveConnector(webDb(), { userId: owner.id, chargerId: charger.id, connectorId: 1, cardId: ownersCard.id, minutes: 30 })).toEqual({ ok: false, reason: 'connectorReserved' });

    const ownersReservation = await reserveConnector(webDb(), { userId: owner.id, chargerId: charger.id, connectorId: 2, cardId: ownersCard.id, minutes: 30 });
    expect(ownersReservation.ok).toBe(true);
    const ownersId = ownersReservation.ok ? ownersReservation.value.reservationId : -1;
    expect(await cancelReservation(webDb(), { userId: member.id, reservationId: ownersId })).toEqual({ ok: false, reason: 'notYourReservation' });
    expect(await reservationRow(ownersId)).toMatchObject({ status: 'active' });

    expect(await cancelReservation(webDb(), { userId: owner.id, reservationId })).toEqual({ ok: true, value: null });
    expect(await reservationRow(reservationId)).toMatchObject({ status: 'cancelled', cancelledBy: owner.id });
    await waitFor(async () => (await connectorStatus(charger.id, 1)) === 'Available');
    expect(await cancelReservation(webDb(), { userId: member.id, reservationId })).toEqual({ ok: false, reason: 'reservationEnded' });

    const coOwner = await makeUser(db, { emailVerifiedAt: new Date() });
    await db.insert(memberships).values({ accountId: account.id, userId: coOwner.id, role: 'member' });
    expect(await cancelReservation(webDb(), { userId: coOwner.id, reservationId: ownersId })).toEqual({ ok: true, value: null });
    expect(await reservationRow(ownersId)).toMatchObject({ status: 'cancelled', cancelledBy: coOwner.id });
  });

  it('expires by itself at its expiry: the charger frees the connector and the platform ends it', async () => {
    const { charger, reserved } = await reservedByMember({}, 1 / 60);
    const reservationId = reserved.ok ? reserved.value.reservationId : -1;
    expect(reserved.ok).toBe(true);
    await waitFor(async () => (await reservationRow(reservationId)).status === 'expired');
    await waitFor(async () => (await connectorStatus(charger.id, 1)) === 'Available');
  });

  it('is cancelled at the charger when its member is removed, freeing the connector for the others', async () => {
    const { charger, account, owner, member, reserved } = await reservedByMember();
    const reservationId = reserved.ok ? reserved.value.reservationId : -1;
    await waitFor(async () => (await connectorStatus(charger.id, 1)) === 'Reserved');

    expect(await endMembership(webDb(), { accountId: account.id, userId: member.id, requestedBy: owner.id })).toMatchObject({ ok: true });

    await waitFor(async () => (await reservationRow(reservationId)).status === 'cancelled');
    expect(await reservationRow(reservationId)).toMatchObject({ cancelledBy: owner.id });
    await waitFor(async () => (await connectorStatus(charger.id, 1)) === 'Available');
    const ownersCard = await makeCard(db, { accountId: account.id, userId: owner.id, kind: 'virtual' });
    expect(await reserveConnector(webDb(), { userId: owner.id, chargerId: charger.id, connectorId: 1, cardId: ownersCard.id, minutes: 30 })).toMatchObject({ ok: true });
  });

  it('notes a charger without the Reservation profile, and sends it no second ReserveNow', async () => {
    const { charger, member, card, reserved } = await reservedByMember({ supportsReservations: false });
    expect(reserved).toEqual({ ok: false, reason: 'reservationsUnsupported' });
    const [row] = await db.select().from(reservations).where(eq(reservations.chargerId, charger.id));
    expect(row).toMatchObject({ status: 'refused', chargerAnswer: 'NotImplemented' });
    expect(await db.select().from(reservationSupport).where(eq(reservationSupport.chargerId, charger.id))).toMatchObject([{ isSupported: false, evidence: 'NotImplemented' }]);

    expect(await reserveConnector(webDb(), { userId: member.id, chargerId: charger.id, connectorId: 1, cardId: card.id, minutes: 30 })).toEqual({ ok: false, reason: 'reservationsUnsupported' });
    expect(await db.select().from(chargerCommands).where(and(eq(chargerCommands.chargerId, charger.id), eq(chargerCommands.action, 'ReserveNow')))).toHaveLength(1);
  });

  it('refuses a stranger, and a card that is not the member’s own', async () => {
    const { charger, account, owner, member } = await setup();
    const ownersCard = await makeCard(db, { accountId: account.id, userId: owner.id });
    expect(await reserveConnector(webDb(), { userId: member.id, chargerId: charger.id, connectorId: 1, cardId: ownersCard.id, minutes: 30 })).toEqual({ ok: false, reason: 'noValidCard' });
    const other = await setup();
    expect(await reserveConnector(webDb(), { userId: other.member.id, chargerId: charger.id, connectorId: 1, cardId: ownersCard.id, minutes: 30 })).toEqual({ ok: false, reason: 'notFound' });
    expect(await db.select().from(reservations).where(eq(reservations.chargerId, charger.id))).toHaveLength(0);
  });
});
