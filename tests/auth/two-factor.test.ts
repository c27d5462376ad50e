// Two-factor authentication with an authenticator app, end to end through the server actions and Auth.js with the
// app's configuration (tests/support/authjs-browser.ts), against the real database. Codes are computed from the
// enrolled secret by an independent RFC 6238 implementation (otpauth), as a phone would.
import * as OTPAuth from 'otpauth';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createDb } from '@/db/client';
import { makeAccount, makeCharger, makeUser } from '@/db/seed/builders';
import { memberships, transactions } from '@/db/schema';
import { hashPassword } from '@/domain/crypto/password';
import { idle, type ActionResult } from '@/lib/action-result';
import { Browser, pathOf, postToAuthJs, redirectTarget, SESSION_COOKIE, switchBrowser } from '../support/authjs-browser';
import { formData } from '../support/form';

vi.mock('@/lib/auth', () => import('../support/authjs-browser'));
vi.mock('next/headers', async () => (await import('../support/authjs-browser')).nextHeaders);
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const { loginAction } = await import('@/app/(public)/login/actions');
const { verifyCodeAction } = await import('@/app/(public)/login/verify/actions');
const { startAuthenticatorAction, confirmAuthenticatorAction, turnOffAuthenticatorAction, newRecoveryCodesAction } = await import('@/app/(app)/profile/security/actions');
const { requireTwoFactorAction } = await import('@/app/(app)/customers/actions');
const { resetPasswordAction } = await import('@/app/(public)/reset-password/actions');
const { getSessionUser } = await import('@/lib/session');
const { requireCurrentMembership } = await import('@/lib/authz');
const { getChargerForUser } = await import('@/domain/data/chargers');
const { getOpenSessionForMember } = await import('@/domain/data/session-control');

const { db, sql } = createDb(process.env.DATABASE_URL!, { max: 2 });
afterAll(() => sql.end());

const PASSWORD = 'a long enough password';

async function activeUser() {
  const user = await makeUser(db, { passwordHash: await hashPassword(PASSWORD), emailVerifiedAt: new Date(), lastLoginAt: new Date() });
  const account = await makeAccount(db, { owner: user });
  return { ...user, accountId: account.id };
}

function inNewBrowser() {
  const browser = new Browser();
  switchBrowser(browser);
  return browser;
}

const signedInUserId = async () => (await getSessionUser())?.id ?? null;

// The phone: codes of the secret at a moment (the current 30-second step unless told).
const phone = (secret: string) => (at = Date.now()) => new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate({ timestamp: at });

async function logInWithPassword(email: string, password = PASSWORD) {
  return pathOf(await redirectTarget(() => loginAction(idle, formData({ email, password }))));
}

// Logged in without two-factor, turns on the authenticator app: answers the phone and the ten recovery codes.
async function enrolAuthenticator(user: { email: string }) {
  inNewBrowser();
  expect(await logInWithPassword(user.email)).toBe('/dashboard');
  const started = await startAuthenticatorAction(idle, formData({}));
  if (started.status !== 'ok') throw new Error(`enrolment not started: ${JSON.stringify(started)}`);
  expect(started.data.qrSvg).toContain('<svg');
  const codeOf = phone(started.data.secret);
  const confirmed = await confirmAuthenticatorAction(idle, formData({ code: codeOf() }));
  if (confirmed.status !== 'ok') throw new Error(`enrolment not confirmed: ${JSON.stringify(confirmed)}`);
  return { codeOf, recoveryCodes: confirmed.data.codes };
}

const fieldErrorsOf = (result: ActionResult<unknown>) => (result.status === 'error' ? result.fieldErrors : undefined);

describe('authenticator app (TOTP)', () => {
  it('is turned on only by a right code from the scanned secret, and answers ten different recovery codes', async () => {
    const user = await activeUser();
    inNewBrowser();
    await logInWithPassword(user.email);
    const started = await startAuthenticatorAction(idle, formData({}));
    if (started.status !== 'ok') throw new Error('not started');
    expect(started.data.uri).toMatch(/^otpauth:\/\/totp\/Chargewatch:.+\?secret=[A-Z2-7]+&issuer=Chargewatch/);
    const wrong = await confirmAuthenticatorAction(idle, formData({ code: '000000' === phone(started.data.secret)() ? '111111' : '000000' }));
    expect(fieldErrorsOf(wrong)).toEqual({ code: ['codeWrong'] });
    const confirmed = await confirmAuthenticatorAction(idle, formData({ code: phone(started.data.secret)() }));
    if (confirmed.status !== 'ok') throw new Error('not confirmed');
    expect(new Set(confirmed.data.codes).size).toBe(10);
    const stored = await sql`select sealed_secret from totp_authenticators where user_id = ${user.id}`;
    expect(stored[0]!.sealed_secret).not.toContain(started.data.secret);
    const hashes = await sql`select code_hash from recovery_codes where user_id = ${user.id}`;
    expect(hashes.map((row) => row.code_hash)).not.toContain(confirmed.data.codes[0]);
  });

  it('the password alone then opens nothing: the login waits for a code, and Auth.js itself refuses', async () => {
    const user = await activeUser();
    const { codeOf } = await enrolAuthenticator(user);
    const browser = inNewBrowser();
    expect(await logInWithPassword(user.email)).toBe('/login/verify');
    expect(browser.jar.has(SESSION_COOKIE)).toBe(false);
    expect(await signedInUserId()).toBeNull();

    const direct = inNewBrowser();
    const response = await postToAuthJs('callback/credentials', { email: user.email, password: PASSWORD });
    expect(new URL(response.headers.get('location') ?? '', 'http://x').searchParams.get('code')).toBe('secondFactor');
    expect(direct.jar.has(SESSION_COOKIE)).toBe(false);

    // A code of the next step (an app a little ahead), as the enrolment used this one.
    switchBrowser(browser);
    expect(pathOf(await redirectTarget(() => verifyCodeAction(idle, formData({ code: codeOf(Date.now() + 30_000) }))))).toBe('/dashboard');
    expect(await signedInUserId()).toBe(user.id);
  });

  it('a code is used once: the same code again is refused', async () => {
    const user = await activeUser();
    const { codeOf } = await enrolAuthenticator(user);
    const code = codeOf(Date.now() + 30_000);
    inNewBrowser();
    await logInWithPassword(user.email);
    await redirectTarget(() => verifyCodeAction(idle, formData({ code })));
    expect(await signedInUserId()).toBe(user.id);

    inNewBrowser();
    await logInWithPassword(user.email);
    const again = await verifyCodeAction(idle, formData({ code }));
    expect(fieldErrorsOf(again)).toEqual({ code: ['codeWrongTriesLeft'] });
    expect(await signedInUserId()).toBeNull();
  });

  it('a recovery code logs in once, and is refused the second time', async () => {
    const user = await activeUser();
    const { recoveryCodes } = await enrolAuthenticator(user);
    const code = recoveryCodes[3]!;
    inNewBrowser();
    await logInWithPassword(user.email);
    // Typed as people type from paper: lower case, no dash.
    expect(pathOf(await redirectTarget(() => verifyCodeAction(idle, formData({ code: code.toLowerCase().replace('-', ' ') }))))).toBe('/dashboard');
    expect(await signedInUserId()).toBe(user.id);

    inNewBrowser();
    await logInWithPassword(user.email);
    expect(fieldErrorsOf(await verifyCodeAction(idle, formData({ code })))).toEqual({ code: ['codeWrongTriesLeft'] });
    expect(await signedInUserId()).toBeNull();
    const left = await sql`select count(*)::int as n from recovery_codes where user_id = ${user.id} and used_at is null`;
    expect(left[0]!.n).toBe(9);
  });

  it('five wrong codes end the login step: the right code after them no longer logs in', async () => {
    const user = await activeUser();
    const { codeOf } = await enrolAuthenticator(user);
    inNewBrowser();
    await logInWithPassword(user.email);
    const right = codeOf(Date.now() + 30_000);
    const wrong = right === '123456' ? '654321' : '123456';
    for (let guess = 1; guess <= 4; guess++) {
      const answer = await verifyCodeAction(idle, formData({ code: wrong }));
      expect(answer.status === 'error' && answer.fieldErrorValues).toEqual({ tries: 5 - guess });
    }
    expect(await verifyCodeAction(idle, formData({ code: wrong }))).toMatchObject({ formError: 'loginStepExpired' });
    expect(await verifyCodeAction(idle, formData({ code: right }))).toMatchObject({ formError: 'loginStepExpired' });
    expect(await signedInUserId()).toBeNull();
  });

  it('wrong codes count against the login limits: with them spent, a right password is refused as too many attempts', async () => {
    const user = await activeUser();
    const { codeOf } = await enrolAuthenticator(user);
    const right = codeOf(Date.now() + 30_000);
    const wrong = right === '123456' ? '654321' : '123456';
    inNewBrowser();
    await logInWithPassword(user.email);
    for (let guess = 1; guess <= 4; guess++) await verifyCodeAction(idle, formData({ code: wrong }));
    await logInWithPassword(user.email);
    await verifyCodeAction(idle, formData({ code: wrong }));
    expect(await loginAction(idle, formData({ email: user.email, password: PASSWORD }))).toMatchObject({ formError: 'tooManyAttempts' });
  });

  it('turning it off takes the current password, and then the password alone logs in again', async () => {
    const user = await activeUser();
    await enrolAuthenticator(user);
    expect(fieldErrorsOf(await turnOffAuthenticatorAction(idle, formData({ currentPassword: 'not it' })))).toEqual({ currentPassword: ['wrongPassword'] });
    expect(await turnOffAuthenticatorAction(idle, formData({ currentPassword: PASSWORD }))).toEqual({ status: 'ok', data: null });
    const left = await sql`select count(*)::int as n from recovery_codes where user_id = ${user.id}`;
    expect(left[0]!.n).toBe(0);
    inNewBrowser();
    expect(await logInWithPassword(user.email)).toBe('/dashboard');
  });
});

describe('the e-mail after each change to how a user signs in', () => {
  const noticesTo = async (email: string) =>
    (await sql`select text from outbox_emails where "to" = ${email} and subject = 'Your Chargewatch sign-in changed' order by created_at`).map((mail) => mail.text as string);

  it('tells of the app turned on, new recovery codes and the app turned off, each with the way to take the account back', async () => {
    const user = await activeUser();
    await enrolAuthenticator(user);
    expect(fieldErrorsOf(await newRecoveryCodesAction(idle, formData({ currentPassword: 'not it' })))).toEqual({ currentPassword: ['wrongPassword'] });
    expect((await newRecoveryCodesAction(idle, formData({ currentPassword: PASSWORD }))).status).toBe('ok');
    expect(await turnOffAuthenticatorAction(idle, formData({ currentPassword: PASSWORD }))).toEqual({ status: 'ok', data: null });

    const notices = await noticesTo(user.email);
    expect(notices).toHaveLength(3);
    expect(notices[0]).toContain('An authenticator app was turned on');
    expect(notices[1]).toContain('New recovery codes were made');
    expect(notices[2]).toContain('authenticator app of your Chargewatch account was turned off');
    for (const notice of notices) expect(notice).toMatch(/\/forgot-password\b[\s\S]*\/profile\/security\b/);
  });

  it('is written in the user\'s language', async () => {
    const user = await activeUser();
    await sql`update users set locale = 'de' where id = ${user.id}`;
    await enrolAuthenticator(user);
    const [mail] = await sql`select subject, text from outbox_emails where "to" = ${user.email} order by created_at desc limit 1`;
    expect(mail?.subject).toBe('Ihre Anmeldung bei Chargewatch wurde geändert');
    expect(mail?.text).toContain('Authenticator-App eingeschaltet');
  });

  it('that cannot go out (no e-mail service) neither fails nor undoes the change', async () => {
    const user = await activeUser();
    vi.stubEnv('NODE_ENV', 'production');
    vi.stubEnv('RESEND_API_KEY', '');
    vi.stubEnv('LOCAL_MAILBOX', '');
    try {
      const { recoveryCodes } = await enrolAuthenticator(user);
      expect(recoveryCodes).toHaveLength(10);
    } finally {
      vi.unstubAllEnvs();
    }
    expect(await noticesTo(user.email)).toHaveLength(0);
    inNewBrowser();
    expect(pathOf(await redirectTarget(() => loginAction(idle, formData({ email: user.email, password: PASSWORD }))))).toBe('/login/verify');
  });
});

describe('a password reset with two-factor on', () => {
  it('asks for a code as well as the link, and takes a recovery code', async () => {
    const user = await activeUser();
    const { recoveryCodes } = await enrolAuthenticator(user);
    const { mailFreshToken } = await import('@/lib/accounts/token-mail');
    let link = '';
    await mailFreshToken(db, { user, purpose: 'reset', send: async (token) => void (link = token) });
    inNewBrowser();
    const newPassword = 'an entirely new password';
    const withoutCode = await resetPasswordAction(idle, formData({ token: link, password: newPassword }));
    expect(fieldErrorsOf(withoutCode)).toEqual({ code: ['required'] });
    const wrongCode = await resetPasswordAction(idle, formData({ token: link, password: newPassword, code: 'AAAAA-AAAAA' }));
    expect(fieldErrorsOf(wrongCode)).toEqual({ code: ['codeWrong'] });
    expect(pathOf(await redirectTarget(() => resetPasswordAction(idle, formData({ token: link, password: newPassword, code: recoveryCodes[0]! }))))).toBe('/login?notice=reset');
    // Two-factor stays on: the new password alone does not log in either.
    expect(await logInWithPassword(user.email, newPassword)).toBe('/login/verify');
  });
});

describe('an account that requires two-factor', () => {
  it('can be required by its owner only once the owner has a second factor', async () => {
    const owner = await activeUser();
    inNewBrowser();
    await logInWithPassword(owner.email);
    expect(await requireTwoFactorAction(idle, formData({ accountId: owner.accountId, required: 'true' }))).toMatchObject({ formError: 'twoFactorSetUpFirst' });
    await enrolAuthenticator(owner);
    expect(await requireTwoFactorAction(idle, formData({ accountId: owner.accountId, required: 'true' }))).toEqual({ status: 'ok', data: null });
    // Nor can the rule then lock its owner out: their last factor stays until another replaces it.
    expect(await turnOffAuthenticatorAction(idle, formData({ currentPassword: PASSWORD }))).toMatchObject({ formError: 'lastFactorRequired' });
    expect(await logInWithPassword(owner.email)).toBe('/login/verify');
  });

  it('sends a member without two-factor to set it up, and lets nothing of the account through until then', async () => {
    const owner = await activeUser();
    await enrolAuthenticator(owner);
    await requireTwoFactorAction(idle, formData({ accountId: owner.accountId, required: 'true' }));
    const charger = await makeCharger(db, { accountId: owner.accountId });
    const member = await makeUser(db, { passwordHash: await hashPassword(PASSWORD), emailVerifiedAt: new Date(), lastLoginAt: new Date() });
    await db.insert(memberships).values({ accountId: owner.accountId, userId: member.id, role: 'member' });

    inNewBrowser();
    await logInWithPassword(member.email);
    const { CURRENT_ACCOUNT_COOKIE } = await import('@/lib/authz');
    const { nextHeaders } = await import('../support/authjs-browser');
    (await nextHeaders.cookies()).set(CURRENT_ACCOUNT_COOKIE, owner.accountId);
    expect(pathOf(await redirectTarget(() => requireCurrentMembership()))).toBe('/profile/security?required=1');
    expect(await requireTwoFactorAction(idle, formData({ accountId: owner.accountId, required: 'false' }))).toMatchObject({ formError: 'twoFactorRequired' });
    expect(await getChargerForUser(db, { userId: member.id, chargerId: charger.id })).toBeNull();
    // Nor can they stop (or close by hand) a session on its chargers.
    const [session] = await db
      .insert(transactions)
      .values({ chargerId: charger.id, accountId: owner.accountId, connectorId: 1, idTag: 'AT-READER', authorizationStatus: 'Accepted', meterStartWh: 0, startedAt: new Date() })
      .returning();
    expect(await getOpenSessionForMember(db, { userId: member.id, transactionId: session!.id })).toBeNull();

    await enrolAuthenticator(member);
    expect(await getChargerForUser(db, { userId: member.id, chargerId: charger.id })).toMatchObject({ id: charger.id });
    expect(await getOpenSessionForMember(db, { userId: member.id, transactionId: session!.id })).toMatchObject({ id: session!.id });
  });
});
