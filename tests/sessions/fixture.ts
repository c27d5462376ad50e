import type { Executor } from '@/db/client';
import { memberships } from '@/db/schema';
import { makeAccount, makeCard, makeCharger, makeUser } from '@/db/seed/builders';
import { addSamples, addSession } from './builders';

const at = (iso: string) => new Date(iso);

// Account A: two chargers, an owner and a member, a live and a deleted card, two finished sessions
// with meter values and one running; account B: a session that must never show up in A.
export async function sessionsFixture(db: Executor) {
  const owner = await makeUser(db, { name: 'Owner Olga', emailVerifiedAt: new Date() });
  const member = await makeUser(db, { name: 'Member Mykolas', emailVerifiedAt: new Date() });
  const account = await makeAccount(db, { owner });
  await db.insert(memberships).values({ accountId: account.id, userId: member.id, role: 'member' });
  const garage = await makeCharger(db, { accountId: account.id, name: 'Garage, "north"' });
  const street = await makeCharger(db, { accountId: account.id, name: 'Street' });
  const ownerCard = await makeCard(db, { accountId: account.id, userId: owner.id, label: 'Olga’s fob' });
  const lostCard = await makeCard(db, { accountId: account.id, userId: member.id, label: 'Lost card', deletedAt: new Date() });

  const first = await addSession(db, { chargerId: garage.id, userId: owner.id, cardId: ownerCard.id, idTag: ownerCard.idTag, startedAt: at('2026-03-01T10:00:00Z'), minutes: 5, energyWh: 5_000, cost: '1.50', currency: 'EUR' });
  await addSamples(db, { transactionId: first.id, chargerId: garage.id, startedAt: first.startedAt, energiesWh: [1_000, 2_000, 3_000, 4_000, 5_000], powerW: 11_000 });
  const second = await addSession(db, { chargerId: street.id, connectorId: 2, userId: member.id, cardId: lostCard.id, idTag: lostCard.idTag, startedAt: at('2026-03-05T23:30:00Z'), minutes: 3, energyWh: 7_250, cost: '2.00', currency: 'SEK' });
  await addSamples(db, { transactionId: second.id, chargerId: street.id, startedAt: second.startedAt, energiesWh: [2_500, 5_000, 7_250], powerW: 22_000 });
  const running = await addSession(db, { chargerId: garage.id, userId: member.id, idTag: 'UNKNOWN1', startedAt: at('2026-03-06T08:00:00Z'), minutes: 0, energyWh: null });
  await addSamples(db, { transactionId: running.id, chargerId: garage.id, startedAt: running.startedAt, energiesWh: [700, 1_400, 2_100], powerW: 7_400 });

  const stranger = await makeAccount(db);
  const theirCharger = await makeCharger(db, { accountId: stranger.id, name: 'Not yours' });
  const theirs = await addSession(db, { chargerId: theirCharger.id, startedAt: at('2026-03-02T10:00:00Z'), minutes: 10, energyWh: 99_000, cost: '30.00', currency: 'EUR' });

  return { account, owner, member, garage, street, ownerCard, lostCard, first, second, running, stranger, theirCharger, theirs };
}
