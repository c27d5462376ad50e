import { and, asc, eq, gt, inArray, lte, not, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { accounts, cards, chargers, memberships, reservations, reservationSupport, users } from '../../db/schema';
import { notifyChargerEvent } from './charger-traffic/notify';
import { isUniqueViolation } from './db-errors';
import { failure, success, type Result } from './result';
import { hasCurrentAccess } from './member-access';
import { twoFactorMissingSql } from './two-factor';
import { canManageAccount } from '../people/roles';

const OPEN = ['pending', 'active'] as const;
const isOpen = () => and(inArray(reservations.status, [...OPEN]), gt(reservations.expiresAt, sql`now()`));

type NewReservation = { accountId: string; chargerId: string; connectorId: number; cardId: string; idTag: string; userId: string; expiresAt: Date };

// A reservation past its expiry no longer holds its connector at the charger (its own clock ended it), whether or
// not the periodic sweep has ended it here yet: it must not refuse the next one.
async function expireLapsedOnConnector(tx: Executor, { chargerId, connectorId }: { chargerId: string; connectorId: number }) {
  await tx
    .update(reservations)
    .set({ status: 'expired', endedAt: sql`now()` })
    .where(and(eq(reservations.chargerId, chargerId), eq(reservations.connectorId, connectorId), inArray(reservations.status, [...OPEN]), lte(reservations.expiresAt, sql`now()`)));
}

// Open reservations a member holds in an account, to be withdrawn with the membership.
export async function listOpenReservationsOfMember(db: Executor, { accountId, userId }: { accountId: string; userId: string }) {
  return db
    .select({ id: reservations.id, chargerId: reservations.chargerId })
    .from(reservations)
    .where(and(eq(reservations.accountId, accountId), eq(reservations.userId, userId), isOpen()));
}

// Pending until the charger answers the ReserveNow; one open reservation per connector (the unique index decides).
export async function createReservation(db: Executor, values: NewReservation): Promise<Result<{ reservationId: number }, 'connectorReserved'>> {
  try {
    return await db.transaction(async (tx) => {
      await expireLapsedOnConnector(tx, values);
      const [row] = await tx.insert(reservations).values(values).returning({ id: reservations.id });
      await notifyChargerEvent(tx, { accountId: values.accountId, chargerId: values.chargerId, kind: 'reservation' });
      return success({ reservationId: row!.id });
    });
  } catch (error) {
    if (isUniqueViolation(error)) return failure('connectorReserved');
    throw error;
  }
}

// Reservations of these chargers still holding (or about to hold) a connector, in the accounts the user belongs
// to, with whose they are and whether this user may cancel it (their own, or anyone's for an owner or co-owner).
export async function listOpenReservations(db: Executor, { userId, chargerIds }: { userId: string; chargerIds: string[] }) {
  if (chargerIds.length === 0) return [];
  return db
    .select({
      id: reservations.id,
      chargerId: reservations.chargerId,
      connectorId: reservations.connectorId,
      status: reservations.status,
      expiresAt: reservations.expiresAt,
      userId: reservations.userId,
      userName: users.name,
      cardLabel: cards.label,
      idTag: reservations.idTag,
      isMine: sql<boolean>`coalesce(${reservations.userId} = ${userId}, false)`,
      viewerRole: memberships.role,
    })
    .from(reservations)
    .innerJoin(memberships, and(eq(memberships.accountId, reservations.accountId), eq(memberships.userId, userId), hasCurrentAccess()))
    .leftJoin(users, eq(users.id, reservations.userId))
    .leftJoin(cards, eq(cards.id, reservations.cardId))
    .where(and(inArray(reservations.chargerId, chargerIds), isOpen()))
    .orderBy(asc(reservations.connectorId))
    .then((rows) => rows.map(({ viewerRole, ...reservation }) => ({ ...reservation, canCancel: reservation.isMine || canManageAccount(viewerRole) })));
}
export type OpenReservation = Awaited<ReturnType<typeof listOpenReservations>>[number];

// A reservation the user may act on as a member of its account (with two-factor, where the account requires it), with their role there and whether its charger is online.
export async function getReservationForMember(db: Executor, { userId, reservationId }: { userId: string; reservationId: number }) {
  const [row] = await db
    .select({
      id: reservations.id,
      accountId: reservations.accountId,
      chargerId: reservations.chargerId,
      userId: reservations.userId,
      isOpen: sql<boolean>`${isOpen()}`,
      role: memberships.role,
      isChargerOnline: chargers.isOnline,
    })
    .from(reservations)
    .innerJoin(memberships, and(eq(memberships.accountId, reservations.accountId), eq(memberships.userId, userId), hasCurrentAccess()))
    .innerJoin(accounts, eq(accounts.id, reservations.accountId))
    .innerJoin(chargers, eq(chargers.id, reservations.chargerId))
    .where(and(eq(reservations.id, reservationId), not(twoFactorMissingSql(accounts.requireTwoFactor, memberships.userId))));
  return row ?? null;
}

// The chargers among these known not to implement the Reservation profile.
export async function listChargersWithoutReservations(db: Executor, { chargerIds }: { chargerIds: string[] }): Promise<Set<string>> {
  if (chargerIds.length === 0) return new Set();
  const rows = await db
    .select({ chargerId: reservationSupport.chargerId })
    .from(reservationSupport)
    .where(and(inArray(reservationSupport.chargerId, chargerIds), eq(reservationSupport.isSupported, false)));
  return new Set(rows.map((row) => row.chargerId));
}
