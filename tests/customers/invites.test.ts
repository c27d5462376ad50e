import { readFileSync } from 'node:fs';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDb } from '@/db/client';
import { cards, invites, memberships, outboxEmails } from '@/db/schema';
import { MIGRATIONS_DIR } from '@/db/migration-seals';
import { makeAccount, makeCard, makeUser } from '@/db/seed/builders';
import { signInAs } from '../support/fake-auth';
import { formData } from '../support/form';
import { startResendStub } from '../support/resend-stub';

vi.mock('@/lib/auth', () => import('../support/fake-auth'));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
vi.mock('next/headers', () => ({ cookies: async () => ({ get: () => undefined, set: vi.fn(), delete: vi.fn() }) }));

const { inviteUserAction, removeMemberAction, leaveAccountAction, revokeInviteAction, resendInviteAction } = await import('@/app/(app)/customers/actions');
const { acceptInvite, declineInvite, checkInvite } = await import('@/lib/invites/respond');
const { INVITES_PER_HOUR } = await import('@/lib/invites/send-invite');
const { revalidatePath } = await import('next/cache');

const { db, sql } = createDb(process.env.DATABASE_URL!);
afterAll(() => sql.end());
const idle = { status: 'idle' } as const;

async function person(locale: 'en' | 'de' = 'en') {
  return makeUser(db, { emailVerifiedAt: new Date(), locale, name: `Person ${Math.random().toString(36).slice(2, 7)}` });
}
async function inviteTokenFor(email: string) {
  const [mail] = await db.select().from(outboxEmails).where(eq(outboxEmails.to, email));
  const match = /invites\/accept\?token=([\w-]+)/.exec(mail?.text ?? '');
  if (!match?.[1]) throw new Error(`no invite e-mail to ${email}`);
  return { token: decodeURIComponent(match[1]), mail: mail! };
}

let owner: Awaited<ReturnType<typeof person>>;
let account: Awaited<ReturnType<typeof makeAccount>>;
beforeEach(async () => {
  owner = await person();
  account = await makeAccount(db, { owner });
  signInAs(owner);
});

const invite = (email: string, accountId = account.id) => inviteUserAction(idle, formData({ accountId, email }));

describe('inviting', () => {
  it('mails a registered user, in their language, naming the inviter and the account', async () => {
    const friend = await person('de');
    expect(await invite(friend.email.toUpperCase())).toMatchObject({ status: 'ok' });
    const { mail } = await inviteTokenFor(friend.email);
    expect(mail.subject).toContain(owner.name);
    expect(mail.text).toContain(account.name);
    expect(mail.subject).not.toMatch(/invited you/);
  });

  it('invites an e-mail without an account to sign up, with the confirmation a registered one gets', async () => {
    const email = `stranger-${Date.now()}@example.test`;
    expect(await invite(email)).toEqual({ status: 'ok', data: email });
    const [mail] = await db.select().from(outboxEmails).where(eq(outboxEmails.to, email));
    expect(mail?.text).toMatch(/\/register\?invite=[\w-]+/);
    expect(await db.select({ email: invites.email, invitedUserId: invites.invitedUserId }).from(invites).where(eq(invites.accountId, account.id))).toEqual([{ email, invitedUserId: null }]);
  });

  it('refuses a current member and a second pending invite', async () => {
    const friend = await person();
    expect(await invite(owner.email)).toMatchObject({ formError: 'inviteAlreadyMember' });
    await invite(friend.email);
    expect(await invite(friend.email)).toMatchObject({ formError: 'inviteAlreadyPending' });
  });

  it(`stops after ${INVITES_PER_HOUR} invitations an hour`, async () => {
    const people = await Promise.all(Array.from({ length: INVITES_PER_HOUR + 1 }, () => person()));
    for (const friend of people.slice(0, INVITES_PER_HOUR)) expect(await invite(friend.email)).toMatchObject({ status: 'ok' });
    expect(await invite(people.at(-1)!.email)).toMatchObject({ formError: 'inviteRateLimited' });
  });

  it('counts sign-up invitations and invitations sent again against the same hourly limit, and not the refused ones', async () => {
    const friend = await person();
    await invite(friend.email);
    const [pending] = await db.select().from(invites).where(eq(invites.invitedUserId, friend.id));
    expect(await resendInviteAction(idle, formData({ accountId: account.id, inviteId: pending!.id }))).toMatchObject({ status: 'ok' });
    for (let probe = 3; probe <= INVITES_PER_HOUR; probe++) expect(await invite(`nobody-${probe}-${Date.now()}@example.test`)).toMatchObject({ status: 'ok' });
    expect(await invite((await person()).email)).toMatchObject({ formError: 'inviteRateLimited' });
    expect(await resendInviteAction(idle, formData({ accountId: account.id, inviteId: pending!.id }))).toMatchObject({ formError: 'inviteRateLimited' });
    const [{ count }] = (await sql`select count(*)::int from invite_attempts where account_id = ${account.id}`) as unknown as [{ count: number }];
    expect(count).toBe(INVITES_PER_HOUR);
    await sql`update invite_attempts set created_at = now() - interval '61 minutes' where account_id = ${account.id}`;
    expect(await invite(`nobody-later-${Date.now()}@example.test`)).toMatchObject({ status: 'ok' });
  });

  it('lets no more than the hourly limit through when invitations arrive all at once', async () => {
    const answers = await Promise.all(Array.from({ length: INVITES_PER_HOUR + 5 }, (_, i) => invite(`burst-${i}-${Date.now()}@example.test`)));
    expect(answers.filter((answer) => answer.status === 'ok').length).toBeLessThanOrEqual(INVITES_PER_HOUR);
    expect(answers.map((answer) => (answer as { formError?: string }).formError)).toContain('inviteRateLimited');
  });
});

describe('answering an invitation', () => {
  it('grants access once; the link then counts as used', async () => {
    const friend = await person();
    await invite(friend.email);
    const { token } = await inviteTokenFor(friend.email);
    expect(await acceptInvite(db, { token, userId: friend.id })).toEqual({ ok: true, value: { accountId: account.id } });
    const [membership] = await db.select().from(memberships).where(and(eq(memberships.accountId, account.id), eq(memberships.userId, friend.id)));
    expect(membership?.role).toBe('member');
    expect(await acceptInvite(db, { token, userId: friend.id })).toEqual({ ok: false, reason: 'used' });
  });

  it("refuses someone else's link without saying whose it is", async () => {
    const friend = await person();
    const other = await person();
    await invite(friend.email);
    const { token } = await inviteTokenFor(friend.email);
    expect(await acceptInvite(db, { token, userId: other.id })).toEqual({ ok: false, reason: 'otherUser' });
    expect(await db.select().from(memberships).where(eq(memberships.userId, other.id))).toHaveLength(0);
  });

  it('refuses an expired, a revoked and a forged link', async () => {
    const late = await person();
    const revoked = await person();
    await invite(late.email);
    await invite(revoked.email);
    await db.update(invites).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(invites.invitedUserId, late.id));
    expect(await acceptInvite(db, { token: (await inviteTokenFor(late.email)).token, userId: late.id })).toEqual({ ok: false, reason: 'expired' });

    const [pending] = await db.select().from(invites).where(eq(invites.invitedUserId, revoked.id));
    expect(await revokeInviteAction(idle, formData({ accountId: account.id, inviteId: pending!.id }))).toMatchObject({ status: 'ok' });
    expect(await acceptInvite(db, { token: (await inviteTokenFor(revoked.email)).token, userId: revoked.id })).toEqual({ ok: false, reason: 'revoked' });

    expect(await checkInvite(db, { token: 'forged', userId: late.id })).toEqual({ ok: false, reason: 'invalid' });
  });

  it('lets the invitee decline, which grants nothing', async () => {
    const friend = await person();
    await invite(friend.email);
    const { token } = await inviteTokenFor(friend.email);
    expect(await declineInvite(db, { token, userId: friend.id })).toEqual({ ok: true, value: null });
    expect(await db.select().from(memberships).where(eq(memberships.userId, friend.id))).toHaveLength(0);
  });
});

describe('removing and leaving', () => {
  async function member() {
    const friend = await person();
    await db.insert(memberships).values({ accountId: account.id, userId: friend.id, role: 'member' });
    const card = await makeCard(db, { accountId: account.id, userId: friend.id, kind: 'virtual' });
    return { friend, card };
  }

  it("ends a removed member's access at once and blocks their cards in the account", async () => {
    const { friend, card } = await member();
    expect(await removeMemberAction(idle, formData({ accountId: account.id, userId: friend.id }))).toMatchObject({ status: 'ok' });
    expect(await db.select().from(memberships).where(and(eq(memberships.accountId, account.id), eq(memberships.userId, friend.id)))).toHaveLength(0);
    const [row] = await db.select().from(cards).where(eq(cards.id, card.id));
    expect(row?.status).toBe('blocked');
  });

  it('answers a second removal of the same person, from a page not yet reloaded, as gone rather than as the owner', async () => {
    const { friend } = await member();
    expect(await removeMemberAction(idle, formData({ accountId: account.id, userId: friend.id }))).toMatchObject({ status: 'ok' });
    expect(await removeMemberAction(idle, formData({ accountId: account.id, userId: friend.id }))).toMatchObject({ formError: 'notFound' });
  });

  it('never removes the owner, and the owner cannot leave', async () => {
    const { friend } = await member();
    signInAs(friend);
    expect(await removeMemberAction(idle, formData({ accountId: account.id, userId: owner.id }))).toMatchObject({ formError: 'memberNotRemovable' });
    signInAs(owner);
    expect(await leaveAccountAction(idle, formData({ accountId: account.id }))).toMatchObject({ formError: 'ownerCannotLeave' });
    expect(await db.select().from(memberships).where(eq(memberships.userId, owner.id))).toHaveLength(1);
  });

  it("withdraws the invitations a member sent when they leave, and leaves everyone else's", async () => {
    const { friend: leaving } = await member();
    const [theirs, owners] = [await person(), await person()];
    signInAs(leaving);
    await invite(theirs.email);
    signInAs(owner);
    await invite(owners.email);
    signInAs(leaving);
    await expect(leaveAccountAction(idle, formData({ accountId: account.id }))).rejects.toMatchObject({ digest: expect.stringContaining('/dashboard') });
    const statusOf = async (userId: string) => (await db.select({ status: invites.status }).from(invites).where(eq(invites.invitedUserId, userId)))[0]?.status;
    expect(await statusOf(theirs.id)).toBe('revoked');
    expect(await statusOf(owners.id)).toBe('pending');
    expect(await acceptInvite(db, { token: (await inviteTokenFor(owners.email)).token, userId: owners.id })).toEqual({ ok: true, value: { accountId: account.id } });
  });

  it('on upgrade, withdraws the pending invitations of members removed before this release (migration 0010)', async () => {
    const { friend: gone } = await member();
    const invited = await person();
    signInAs(gone);
    await invite(invited.email);
    const migration = readFileSync(path.join(MIGRATIONS_DIR, '0010_revoke_invites_of_former_members.sql'), 'utf8');
    // In a transaction that is rolled back: the other tests' invitations stay as they are.
    const status = await sql
      .begin(async (tx) => {
        await tx`delete from memberships where account_id = ${account.id} and user_id = ${gone.id}`;
        await tx.unsafe(migration);
        const [row] = await tx`select status from invites where invited_user_id = ${invited.id}`;
        throw Object.assign(new Error('roll back'), { status: row?.status });
      })
      .catch((error: { status?: string }) => error.status);
    expect(status).toBe('revoked');
  });
});

describe('a member of another account', () => {
  it('can neither invite into, resend, revoke nor remove anything of this account', async () => {
    const friend = await person();
    await invite(friend.email);
    const { friend: member2 } = await (async () => {
      const f = await person();
      await db.insert(memberships).values({ accountId: account.id, userId: f.id, role: 'member' });
      return { friend: f };
    })();
    const [pending] = await db.select().from(invites).where(eq(invites.invitedUserId, friend.id));
    const intruder = await person();
    const intrudersAccount = await makeAccount(db, { owner: intruder });
    signInAs(intruder);

    for (const accountId of [account.id, intrudersAccount.id]) {
      const expected = accountId === account.id ? 'forbidden' : 'notFound';
      expect(await resendInviteAction(idle, formData({ accountId, inviteId: pending!.id }))).toMatchObject({ formError: expected });
      expect(await revokeInviteAction(idle, formData({ accountId, inviteId: pending!.id }))).toMatchObject({ formError: expected });
    }
    expect(await invite((await person()).email, account.id)).toMatchObject({ formError: 'forbidden' });
    expect(await removeMemberAction(idle, formData({ accountId: account.id, userId: member2.id }))).toMatchObject({ formError: 'forbidden' });
    expect(await removeMemberAction(idle, formData({ accountId: intrudersAccount.id, userId: member2.id }))).toMatchObject({ formError: 'notFound' });

    const [still] = await db.select().from(invites).where(eq(invites.id, pending!.id));
    expect(still?.status).toBe('pending');
    expect(await db.select().from(memberships).where(eq(memberships.userId, member2.id))).toHaveLength(1);
  });
});

describe('when Resend refuses the e-mail', () => {
  it('an invite stays pending and listed, and a refused resend leaves the link of the last e-mail working', async () => {
    const friend = await person();
    await invite(friend.email);
    const { token } = await inviteTokenFor(friend.email);
    const refusing = await startResendStub({ failWith: { status: 500, message: 'outage' } });
    vi.stubEnv('RESEND_API_KEY', 're_test');
    vi.stubEnv('RESEND_BASE_URL', refusing.url);
    try {
      const [pending] = await db.select().from(invites).where(eq(invites.invitedUserId, friend.id));
      expect(await resendInviteAction(idle, formData({ accountId: account.id, inviteId: pending!.id }))).toMatchObject({ formError: 'emailFailed' });
      const other = await person();
      expect(await invite(other.email)).toMatchObject({ formError: 'emailFailed' });
      expect(revalidatePath).toHaveBeenCalledWith('/customers');
      expect(await db.select().from(invites).where(eq(invites.invitedUserId, other.id))).toMatchObject([{ status: 'pending' }]);
    } finally {
      vi.unstubAllEnvs();
      await refusing.close();
    }
    expect(await checkInvite(db, { token, userId: friend.id })).toMatchObject({ ok: true });
  });
});

