// Removing a member from the Customers page while they charge at a real (simulated) charger, and what a driver may
// do with sessions: the action, the command bus and the OCPP server over a real socket, all against PostgreSQL.
import { and, eq, isNull } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { cards, invites, memberships, outboxEmails, transactions } from '@/db/schema';
import { makeCard, makeUser } from '@/db/seed/builders';
import { newToken } from '@/domain/crypto/token';
import { listSessionsOfFormerMembers } from '@/domain/data/people-sessions';
import { stopCharging } from '@/lib/charge/stop-charging';
import { waitFor } from '@/ocpp-server/test/helpers';
import { transactionAnswered } from '@/ocpp-server/test/simulators';
import { signInAs } from '../support/fake-auth';
import { formData } from '../support/form';
import { chargingSuite } from '../charge/charging-suite';

vi.mock('@/lib/auth', () => import('../support/fake-auth'));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
vi.mock('next/headers', () => import('../support/no-request'));

const { removeMemberAction, changeMemberRoleAction } = await import('@/app/(app)/customers/actions');
const { db: webDb } = await import('@/lib/db');
const { db, setup } = chargingSuite();
const idle = { status: 'idle' } as const;

async function chargingMember(role: 'member' | 'driver' = 'member') {
  const context = await setup();
  const person = await makeUser(db, { emailVerifiedAt: new Date(), locale: 'de' });
  await db.insert(memberships).values({ accountId: context.account.id, userId: person.id, role });
  const card = await makeCard(db, { accountId: context.account.id, userId: person.id, kind: 'physical' });
  const started = transactionAnswered(context.simulator, 'transactionStarted', 1);
  expect(await context.simulator.startSession(1, card.idTag)).toBe(true);
  return { ...context, person, card, transactionId: await started };
}

describe('removing a member', () => {
  it('stops their running session at the charger, blocks their cards, withdraws their invitations and e-mails them in their language', async () => {
    const { owner, account, simulator, person, card, transactionId } = await chargingMember();
    const [sent] = await db
      .insert(invites)
      .values({ accountId: account.id, email: 'friend@example.com', invitedBy: person.id, tokenHash: newToken().tokenHash, expiresAt: new Date(Date.now() + 3600_000) })
      .returning();
    const stopped = transactionAnswered(simulator, 'transactionStopped', 1);

    signInAs(owner);
    expect(await removeMemberAction(idle, formData({ accountId: account.id, userId: person.id }))).toEqual({ status: 'ok', data: null });

    expect(await stopped).toBe(transactionId);
    const session = await waitFor(async () => (await db.select().from(transactions).where(eq(transactions.id, transactionId)))[0]?.stoppedAt && true);
    expect(session).toBe(true);
    expect((await db.select().from(cards).where(eq(cards.id, card.id)))[0]?.status).toBe('blocked');
    expect((await db.select().from(invites).where(eq(invites.id, sent!.id)))[0]?.status).toBe('revoked');
    // Beside the notifications of the session's start and end, which the dispatcher may have sent by now.
    const mail = (await db.select().from(outboxEmails).where(eq(outboxEmails.to, person.email))).find((sent) => sent.subject.includes('Ihr Zugang'));
    expect(mail?.subject).toContain('Ihr Zugang');
    expect(mail?.text).toContain('wurde gestoppt');
    expect(await listSessionsOfFormerMembers(db, { accountId: account.id })).toEqual([]);
  });

  it('tells the owner on the Customers page of a session the charger did not stop', async () => {
    const { owner, account, simulator, person, transactionId } = await chargingMember();
    await simulator.stop();
    signInAs(owner);
    expect(await removeMemberAction(idle, formData({ accountId: account.id, userId: person.id }))).toEqual({ status: 'ok', data: null });
    expect((await listSessionsOfFormerMembers(db, { accountId: account.id })).map((session) => session.id)).toEqual([transactionId]);
  });
});

describe('a driver', () => {
  it('stops their own session but not a co-owner\'s, and is refused changing roles', async () => {
    const { owner, member: coOwner, account, charger, simulator, person: driver, transactionId: ownSession } = await chargingMember('driver');
    const coOwnersCard = await makeCard(db, { accountId: account.id, userId: coOwner.id, kind: 'physical' });
    const started = transactionAnswered(simulator, 'transactionStarted', 2);
    expect(await simulator.startSession(2, coOwnersCard.idTag)).toBe(true);
    const othersSession = await started;

    expect(await stopCharging(webDb(), { userId: driver.id, transactionId: othersSession })).toEqual({ ok: false, reason: 'notFound' });
    expect(await stopCharging(webDb(), { userId: driver.id, transactionId: ownSession })).toEqual({ ok: true, value: null });
    const openSessions = async () =>
      (await db.select({ id: transactions.id }).from(transactions).where(and(eq(transactions.chargerId, charger.id), isNull(transactions.stoppedAt)))).map((row) => row.id);
    await waitFor(async () => (await openSessions()).length === 1);
    expect(await openSessions()).toEqual([othersSession]);

    signInAs(driver);
    expect(await changeMemberRoleAction(idle, formData({ accountId: account.id, userId: driver.id, role: 'member' }))).toMatchObject({ status: 'error', formError: 'coOwnersOnly' });
    signInAs(owner);
    expect(await changeMemberRoleAction(idle, formData({ accountId: account.id, userId: driver.id, role: 'member' }))).toEqual({ status: 'ok', data: null });
    expect(await stopCharging(webDb(), { userId: driver.id, transactionId: othersSession })).toEqual({ ok: true, value: null });
  });

  it('needs an end in the future when made a guest', async () => {
    const { owner, account, person } = await chargingMember('driver');
    signInAs(owner);
    const answer = await changeMemberRoleAction(idle, formData({ accountId: account.id, userId: person.id, role: 'guest', accessEndsAt: '2001-01-01T10:00', timeZoneOffset: '0' }));
    expect(answer).toMatchObject({ status: 'error', fieldErrors: { accessEndsAt: ['guestEndInPast'] } });
    const [row] = await db.select().from(memberships).where(and(eq(memberships.accountId, account.id), eq(memberships.userId, person.id)));
    expect(row?.role).toBe('driver');
  });
});
