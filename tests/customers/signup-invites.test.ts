// Sign-up invitations end to end through the server actions and Auth.js with the app's configuration
// (tests/support/authjs-browser.ts), against the real database: the invite, the mail's link, registering from it.
import { and, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createDb } from '@/db/client';
import { invites, memberships, outboxEmails, users } from '@/db/schema';
import { makeAccount, makeUser } from '@/db/seed/builders';
import { hashPassword } from '@/domain/crypto/password';
import { idle, type ActionResult } from '@/lib/action-result';
import de from '@/messages/de.json';
import { Browser, pathOf, redirectTarget, SESSION_COOKIE, switchBrowser, loggedInBrowser } from '../support/authjs-browser';
import { formData } from '../support/form';

vi.mock('@/lib/auth', () => import('../support/authjs-browser'));
vi.mock('next/headers', async () => (await import('../support/authjs-browser')).nextHeaders);
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
// The invitee's browser speaks Lithuanian.
vi.mock('next-intl/server', async (original) => ({ ...(await original<object>()), getLocale: async () => 'lt' }));

const { inviteUserAction, revokeInviteAction } = await import('@/app/(app)/customers/actions');
const { registerFromInviteAction } = await import('@/app/(public)/register/invite-actions');
const { registerAction } = await import('@/app/(public)/register/actions');
const { activateAccount } = await import('@/lib/accounts/activation');
const { checkSignUpInvite } = await import('@/lib/invites/signup-invite');
const { listInvitesForUser, listPendingInvites } = await import('@/domain/data/invites');
const { getSessionUser } = await import('@/lib/session');

const { db, sql } = createDb(process.env.DATABASE_URL!, { max: 2 });
afterAll(() => sql.end());

const PASSWORD = 'a long enough password';
const newAddress = () => `newcomer-${Math.random().toString(36).slice(2, 9)}@example.test`;

// A German-speaking owner, logged in, with their account.
async function loggedInOwner() {
  const owner = await makeUser(db, { passwordHash: await hashPassword(PASSWORD), emailVerifiedAt: new Date(), lastLoginAt: new Date(), locale: 'de', name: 'Greta Owner' });
  const account = await makeAccount(db, { owner });
  await loggedInBrowser(owner.email, PASSWORD);
  return { owner, account };
}

const invite = (accountId: string, email: string) => inviteUserAction(idle, formData({ accountId, email }));

async function mailsTo(email: string) {
  return db.select().from(outboxEmails).where(eq(outboxEmails.to, email));
}

async function signUpTokenFor(email: string) {
  const [mail] = await mailsTo(email);
  const match = /\/register\?invite=([\w-]+)/.exec(mail?.text ?? '');
  if (!match?.[1]) throw new Error(`no sign-up link mailed to ${email}`);
  return decodeURIComponent(match[1]);
}

// In a fresh browser, as the invitee opening the link would.
function registerFromLink(fields: { invite: string; email: string; name?: string }): Promise<ActionResult> {
  switchBrowser(new Browser());
  return registerFromInviteAction(idle, formData({ name: 'Neringa', password: PASSWORD, ...fields }));
}

async function invitedAddress() {
  const { owner, account } = await loggedInOwner();
  const email = newAddress();
  expect(await invite(account.id, email)).toEqual({ status: 'ok', data: email });
  return { owner, account, email, token: await signUpTokenFor(email) };
}

const userWith = async (email: string) => (await db.select().from(users).where(eq(users.email, email)))[0];

describe('inviting an address with no account', () => {
  it("mails it a sign-up link in the inviter's language, and the inviter sees what an invitation to a registered user shows", async () => {
    const { owner, account, email } = await invitedAddress();
    const [mail] = await mailsTo(email);
    expect(mail?.subject).toBe(de.Email.invite.subject.replace('{inviterName}', owner.name));
    expect(mail?.text).toContain(de.Email.signUpInvite.action);
    expect(mail?.text).toContain(account.name);
    expect(mail?.text).toContain('Sie werden Miteigentümer');
    expect(mail?.text).not.toContain('/invites/accept');

    const registered = await makeUser(db, { emailVerifiedAt: new Date() });
    expect(await invite(account.id, registered.email)).toEqual({ status: 'ok', data: registered.email });
    const pending = await listPendingInvites(db, { accountId: account.id });
    expect(pending.map((row) => Object.keys(row).sort())).toEqual([Object.keys(pending[0]!).sort(), Object.keys(pending[0]!).sort()]);
    expect(pending.map((row) => row.email).sort()).toEqual([email, registered.email].sort());
    expect(JSON.stringify(pending)).not.toContain(registered.name);
  });

  it('refuses a second sign-up invitation to the same address in any case', async () => {
    const { account, email } = await invitedAddress();
    expect(await invite(account.id, email.toUpperCase())).toMatchObject({ status: 'error', formError: 'inviteAlreadyPending' });
  });
});

describe('registering from the link', () => {
  it('verifies the address without an activation e-mail, joins the account at once and lands on Charge in it', async () => {
    const { account, email, token } = await invitedAddress();
    const browser = new Browser();
    switchBrowser(browser);
    const landed = await redirectTarget(() => registerFromInviteAction(idle, formData({ invite: token, name: 'Neringa', email, password: PASSWORD })));

    expect(pathOf(landed)).toBe('/charge');
    expect(browser.jar.has(SESSION_COOKIE)).toBe(true);
    expect(browser.jar.get('cw_account')).toBe(account.id);
    const user = (await userWith(email))!;
    expect((await getSessionUser())?.id).toBe(user.id);
    expect(user.emailVerifiedAt).not.toBeNull();
    expect(user.locale).toBe('lt');
    const roles = await db.select({ accountId: memberships.accountId, role: memberships.role }).from(memberships).where(eq(memberships.userId, user.id));
    expect(roles).toContainEqual({ accountId: account.id, role: 'member' });
    expect(roles.filter((row) => row.role === 'owner')).toHaveLength(1);
    expect((await mailsTo(email)).map((mail) => mail.subject)).toEqual([de.Email.invite.subject.replace('{inviterName}', 'Greta Owner')]);
    const [row] = await db.select().from(invites).where(eq(invites.accountId, account.id));
    expect(row).toMatchObject({ status: 'accepted', invitedUserId: user.id });
  });

  it('refuses another address and a tampered token, registering nothing, and the genuine link still works', async () => {
    const { account, email, token } = await invitedAddress();
    const other = newAddress();
    expect(await registerFromLink({ invite: token, email: other })).toMatchObject({ status: 'error', fieldErrors: { email: ['inviteOtherAddress'] } });
    const tampered = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    expect(await registerFromLink({ invite: tampered, email })).toMatchObject({ status: 'error', formError: 'signUpLinkInvalid' });
    expect(await registerFromLink({ invite: '', email })).toMatchObject({ status: 'error', fieldErrors: { invite: ['required'] } });
    expect(await userWith(other)).toBeUndefined();
    expect(await userWith(email)).toBeUndefined();

    expect(pathOf(await redirectTarget(() => registerFromLink({ invite: token, email: email.toUpperCase() })))).toBe('/charge');
    const user = (await userWith(email))!;
    expect(await db.select().from(memberships).where(and(eq(memberships.accountId, account.id), eq(memberships.userId, user.id)))).toHaveLength(1);
  });

  it('says plainly that a link was used, has expired or was withdrawn, and registers nothing from it', async () => {
    const used = await invitedAddress();
    await redirectTarget(() => registerFromLink({ invite: used.token, email: used.email }));
    expect(await registerFromLink({ invite: used.token, email: used.email })).toMatchObject({ formError: 'signUpLinkUsed' });

    const late = await invitedAddress();
    await db.update(invites).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(invites.email, late.email));
    expect(await checkSignUpInvite(db, { token: late.token })).toEqual({ ok: false, reason: 'expired' });
    expect(await registerFromLink({ invite: late.token, email: late.email })).toMatchObject({ formError: 'signUpLinkExpired' });
    expect(await userWith(late.email)).toBeUndefined();

    const withdrawn = await invitedAddress();
    const [pending] = await db.select().from(invites).where(eq(invites.email, withdrawn.email));
    expect(await revokeInviteAction(idle, formData({ accountId: withdrawn.account.id, inviteId: pending!.id }))).toMatchObject({ status: 'ok' });
    expect(await registerFromLink({ invite: withdrawn.token, email: withdrawn.email })).toMatchObject({ formError: 'signUpLinkRevoked' });
    expect(await userWith(withdrawn.email)).toBeUndefined();

    // The ordinary registration is still open to that address; it joins nothing.
    switchBrowser(new Browser());
    const ordinary = await redirectTarget(() => registerAction(idle, formData({ name: 'Late', email: late.email, password: PASSWORD })));
    expect(pathOf(ordinary)).toBe(`/check-email?email=${encodeURIComponent(late.email)}`);
    const lateUser = (await userWith(late.email))!;
    expect(lateUser.emailVerifiedAt).toBeNull();
    expect(await db.select().from(memberships).where(and(eq(memberships.accountId, late.account.id), eq(memberships.userId, lateUser.id)))).toHaveLength(0);
  });

  it('sends someone who registered without the link to log in, where the invitation waits for them once the address is proven', async () => {
    const { account, email, token } = await invitedAddress();
    switchBrowser(new Browser());
    await redirectTarget(() => registerAction(idle, formData({ name: 'Ordinary', email, password: PASSWORD })));
    expect(await registerFromLink({ invite: token, email })).toMatchObject({ formError: 'signUpLinkRegistered' });

    const user = (await userWith(email))!;
    const activation = /\/activate\?token=([\w-]+)/.exec((await mailsTo(email)).find((mail) => mail.text.includes('/activate?token='))!.text)![1]!;
    expect(await listInvitesForUser(db, { userId: user.id })).toEqual([]);
    expect((await activateAccount(db, decodeURIComponent(activation))).ok).toBe(true);
    expect(await listInvitesForUser(db, { userId: user.id })).toMatchObject([{ accountName: account.name, inviterName: 'Greta Owner' }]);
  });
});
