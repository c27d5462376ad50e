// The role chosen on the invite form is the role the invitee gets, and where their first login lands.
import { and, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createDb } from '@/db/client';
import { invites, memberships, outboxEmails } from '@/db/schema';
import { makeAccount, makeCharger, makeUser } from '@/db/seed/builders';
import { getFirstLanding } from '@/domain/data/first-landing';
import { signInAs } from '../support/fake-auth';
import { formData } from '../support/form';

vi.mock('@/lib/auth', () => import('../support/fake-auth'));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
vi.mock('next/headers', () => import('../support/no-request'));

const { changeMemberRoleAction, inviteUserAction } = await import('@/app/(app)/customers/actions');
const { acceptInvite } = await import('@/lib/invites/respond');
const { db, sql } = createDb(process.env.DATABASE_URL!);
const idle = { status: 'idle' } as const;

async function invited(fields: (keptChargerId: string) => Record<string, string>) {
  const owner = await makeUser(db, { emailVerifiedAt: new Date() });
  const account = await makeAccount(db, { owner });
  const [kept, other] = [await makeCharger(db, { accountId: account.id }), await makeCharger(db, { accountId: account.id })];
  const invitee = await makeUser(db, { emailVerifiedAt: new Date() });
  signInAs(owner);
  const answer = await inviteUserAction(idle, formData({ accountId: account.id, email: invitee.email, ...fields(kept.id) }));
  return { owner, account, kept, other, invitee, answer };
}

async function accepted(inviteeEmail: string, userId: string) {
  const [mail] = await db.select().from(outboxEmails).where(eq(outboxEmails.to, inviteeEmail));
  const token = decodeURIComponent(/token=([\w-]+)/.exec(mail!.text)![1]!);
  return acceptInvite(db, { token, userId });
}

describe('inviting with a role', () => {
  it('makes a guest with their end, cap and only the chargers of this account that were ticked', async () => {
    const foreign = crypto.randomUUID();
    const { account, kept, invitee, answer } = await invited((keptId) => ({ role: 'guest', accessEndsAt: '2099-06-01T18:30', timeZoneOffset: '-120', energyCapKwh: '12.5', [`charger:${keptId}`]: 'on', [`charger:${foreign}`]: 'on' }));
    expect(answer).toMatchObject({ status: 'ok' });
    expect(await accepted(invitee.email, invitee.id)).toMatchObject({ ok: true });
    const [row] = await db.select().from(memberships).where(and(eq(memberships.accountId, account.id), eq(memberships.userId, invitee.id)));
    expect(row).toMatchObject({ role: 'guest', energyCapWh: 12_500, chargerIds: [kept.id], accessEndsAt: new Date('2099-06-01T16:30:00Z') });
  });

  it('says in the invitation e-mail what the invitee joins as, with a guest’s end in UTC', async () => {
    const mailText = async (email: string) => (await db.select({ text: outboxEmails.text }).from(outboxEmails).where(eq(outboxEmails.to, email)))[0]!.text;
    const guest = await invited(() => ({ role: 'guest', accessEndsAt: '2099-06-01T18:30', timeZoneOffset: '-120' }));
    expect(await mailText(guest.invitee.email)).toContain('You join as a guest until June 1, 2099 at 04:30 PM UTC');
    const driver = await invited(() => ({ role: 'driver' }));
    expect(await mailText(driver.invitee.email)).toContain('You join as a driver');
    const coOwner = await invited(() => ({ role: 'member' }));
    expect(await mailText(coOwner.invitee.email)).toContain('You join as a co-owner');
  });

  it('makes a driver who lands on Charge at their first login, never on adding a charger', async () => {
    const { account, invitee, answer } = await invited(() => ({ role: 'driver' }));
    expect(answer).toMatchObject({ status: 'ok' });
    await accepted(invitee.email, invitee.id);
    expect(await getFirstLanding(db, { userId: invitee.id })).toEqual({ path: '/charge', accountId: account.id });
  });

  it('refuses a guest without an end, saying so next to the field, and stores nothing', async () => {
    const { invitee, answer } = await invited(() => ({ role: 'guest' }));
    expect(answer).toMatchObject({ status: 'error', fieldErrors: { accessEndsAt: ['guestEndRequired'] }, values: { email: invitee.email, role: 'guest' } });
    expect(await db.select().from(outboxEmails).where(eq(outboxEmails.to, invitee.email))).toEqual([]);
  });

  it.each(['2099-13-01T08:00', '2099-06-01T25:00', '2099-02-30T08:00'])('refuses a guest end of %s, no day of the calendar, next to the field', async (accessEndsAt) => {
    const { invitee, answer } = await invited(() => ({ role: 'guest', accessEndsAt }));
    expect(answer).toMatchObject({ status: 'error', fieldErrors: { accessEndsAt: ['dateInvalid'] } });
    expect(await db.select().from(outboxEmails).where(eq(outboxEmails.to, invitee.email))).toEqual([]);
  });

  it('refuses a guest whose every ticked charger is not this account’s, rather than letting them use every charger', async () => {
    const foreign = crypto.randomUUID();
    const { invitee, answer } = await invited(() => ({ role: 'guest', accessEndsAt: '2099-06-01T18:30', [`charger:${foreign}`]: 'on' }));
    expect(answer).toMatchObject({ status: 'error', fieldErrors: { chargerIds: ['guestChargersGone'] } });
    expect(await db.select().from(outboxEmails).where(eq(outboxEmails.to, invitee.email))).toEqual([]);
  });

  it('answers a guest end past the year 9999 in UTC next to the field', async () => {
    const { answer } = await invited(() => ({ role: 'guest', accessEndsAt: '9999-12-31T23:30', timeZoneOffset: '720' }));
    expect(answer).toMatchObject({ status: 'error', fieldErrors: { accessEndsAt: ['dateInvalid'] } });
  });
});

async function coOwnerAndInvitee() {
  const owner = await makeUser(db, { emailVerifiedAt: new Date() });
  const account = await makeAccount(db, { owner });
  const coOwner = await makeUser(db, { emailVerifiedAt: new Date() });
  await db.insert(memberships).values({ accountId: account.id, userId: coOwner.id, role: 'member' });
  return { owner, account, coOwner, invitee: await makeUser(db, { emailVerifiedAt: new Date() }) };
}

describe('demoting a co-owner', () => {
  it.each(['driver', 'guest'])('withdraws the invitations they sent, so that none of them makes a co-owner once they are a %s', async (role) => {
    const { owner, account, coOwner, invitee } = await coOwnerAndInvitee();
    signInAs(coOwner);
    expect(await inviteUserAction(idle, formData({ accountId: account.id, email: invitee.email, role: 'member' }))).toMatchObject({ status: 'ok' });

    signInAs(owner);
    expect(await changeMemberRoleAction(idle, formData({ accountId: account.id, userId: coOwner.id, role, accessEndsAt: '2099-06-01T18:30' }))).toMatchObject({ status: 'ok' });

    expect(await db.select({ status: invites.status }).from(invites).where(eq(invites.invitedBy, coOwner.id))).toEqual([{ status: 'revoked' }]);
    expect(await accepted(invitee.email, invitee.id)).toMatchObject({ ok: false });
    expect(await db.select().from(memberships).where(and(eq(memberships.accountId, account.id), eq(memberships.userId, invitee.id)))).toEqual([]);
  });

  it('keeps the invitations of a co-owner who stays one', async () => {
    const { owner, account, coOwner, invitee } = await coOwnerAndInvitee();
    signInAs(coOwner);
    await inviteUserAction(idle, formData({ accountId: account.id, email: invitee.email, role: 'driver' }));
    signInAs(owner);
    expect(await changeMemberRoleAction(idle, formData({ accountId: account.id, userId: coOwner.id, role: 'member' }))).toMatchObject({ status: 'ok' });
    expect(await db.select({ status: invites.status }).from(invites).where(eq(invites.invitedBy, coOwner.id))).toEqual([{ status: 'pending' }]);
  });
});

afterAll(() => sql.end());
