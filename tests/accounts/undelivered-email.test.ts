// An e-mail that cannot go out (no RESEND_API_KEY on a platform without the local mailbox, or a
// refusal from Resend) is said so in the form, stores nothing with its link, and leaves no
// registration behind that could never be activated.
import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDb } from '@/db/client';
import { makeUser } from '@/db/seed/builders';
import { registerUser } from '@/lib/accounts/register';
import { checkToken } from '@/domain/data/tokens';
import { idle } from '@/lib/action-result';
import { startResendStub } from '../support/resend-stub';
import { formData } from '../support/form';

vi.mock('@/lib/auth', () => import('../support/fake-auth'));
vi.mock('next-intl/server', async (original) => ({ ...(await original<object>()), getLocale: async () => 'lt' }));
vi.mock('next/headers', () => ({
  cookies: async () => ({ get: () => undefined, set: vi.fn(), delete: vi.fn() }),
  headers: async () => new Headers(),
}));

const { registerAction } = await import('@/app/(public)/register/actions');
const { forgotPasswordAction } = await import('@/app/(public)/forgot-password/actions');
const { resendActivationAction } = await import('@/app/(public)/login/actions');

const { db, sql } = createDb(process.env.DATABASE_URL!);
afterAll(() => sql.end());

const address = () => `undelivered-${randomBytes(4).toString('hex')}@example.test`;
const PASSWORD = 'a long enough password';

async function traces(email: string, accountName = email) {
  const [row] = await sql`select
    (select count(*)::int from users where email = ${email}) as users,
    (select count(*)::int from accounts where name = ${accountName}) as accounts,
    (select count(*)::int from tokens t join users u on u.id = t.user_id where u.email = ${email}) as tokens,
    (select count(*)::int from outbox_emails where "to" = ${email}) as outbox`;
  return row;
}

describe('with no RESEND_API_KEY and the local mailbox off (production without LOCAL_MAILBOX=1)', () => {
  beforeEach(() => {
    vi.stubEnv('NODE_ENV', 'production');
    vi.stubEnv('RESEND_API_KEY', '');
    vi.stubEnv('LOCAL_MAILBOX', '');
  });
  afterEach(() => vi.unstubAllEnvs());

  it('a registration answers that the e-mail could not be sent, and keeps no user, token or outbox copy', async () => {
    const email = address();
    const result = await registerAction(idle, formData({ name: email, email, password: PASSWORD }));
    expect(result).toEqual({ status: 'error', formError: 'emailFailed', values: { name: email, email } });
    expect(await traces(email)).toEqual({ users: 0, accounts: 0, tokens: 0, outbox: 0 });
  });

  it('a password reset answers alike for a known and an unknown address, and keeps no token or outbox copy', async () => {
    const user = await makeUser(db, { email: address(), emailVerifiedAt: new Date() });
    const known = await forgotPasswordAction(idle, formData({ email: user.email }));
    const unknown = await forgotPasswordAction(idle, formData({ email: address() }));
    expect(known).toEqual({ status: 'error', formError: 'emailFailed', values: { email: user.email } });
    expect(unknown).toMatchObject({ status: 'error', formError: 'emailFailed' });
    expect(await traces(user.email)).toEqual({ users: 1, accounts: 0, tokens: 0, outbox: 0 });
  });

  it('a new activation link is refused the same way', async () => {
    const user = await makeUser(db, { email: address() });
    expect(await resendActivationAction(idle, formData({ email: user.email }))).toEqual({ status: 'error', formError: 'emailFailed' });
    expect(await traces(user.email)).toEqual({ users: 1, accounts: 0, tokens: 0, outbox: 0 });
  });

  it('with LOCAL_MAILBOX=1 the e-mail is kept in the local mailbox as before', async () => {
    vi.stubEnv('LOCAL_MAILBOX', '1');
    const email = address();
    expect((await registerUser(db, { name: email, email, password: PASSWORD, locale: 'lt' })).ok).toBe(true);
    expect(await traces(email)).toEqual({ users: 1, accounts: 1, tokens: 1, outbox: 1 });
  });
});

describe('when Resend refuses the activation e-mail', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('the registration is taken back, so the same address can register once e-mail works again', async () => {
    const email = address();
    const refusing = await startResendStub({ failWith: { status: 500, message: 'Internal server error' } });
    vi.stubEnv('RESEND_API_KEY', 're_test_key');
    vi.stubEnv('RESEND_BASE_URL', refusing.url);
    expect(await registerAction(idle, formData({ name: email, email, password: PASSWORD }))).toMatchObject({ status: 'error', formError: 'emailFailed' });
    await refusing.close();
    expect(refusing.received).toHaveLength(1);
    expect(await traces(email)).toEqual({ users: 0, accounts: 0, tokens: 0, outbox: 0 });

    const working = await startResendStub();
    vi.stubEnv('RESEND_BASE_URL', working.url);
    expect((await registerUser(db, { name: email, email, password: PASSWORD, locale: 'lt' })).ok).toBe(true);
    await working.close();
    expect(working.received).toHaveLength(1);
  });
});

describe('when Resend refuses the e-mail', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('registering a taken address is answered like registering a new one', async () => {
    const user = await makeUser(db, { email: address(), emailVerifiedAt: new Date() });
    const refusing = await startResendStub({ failWith: { status: 500, message: 'outage' } });
    vi.stubEnv('RESEND_API_KEY', 're_test');
    vi.stubEnv('RESEND_BASE_URL', refusing.url);
    const taken = await registerAction(idle, formData({ name: 'Taken', email: user.email, password: PASSWORD }));
    const email = address();
    const fresh = await registerAction(idle, formData({ name: 'Taken', email, password: PASSWORD }));
    await refusing.close();
    expect(refusing.received).toHaveLength(2);
    expect(taken).toEqual({ ...fresh, values: { ...(fresh as { values: object }).values, email: user.email } });
    expect(await traces(user.email, 'Taken')).toEqual({ users: 1, accounts: 0, tokens: 0, outbox: 0 });
  });

  it('a password reset answers a known address like an unknown one, and the link of the last e-mail still works', async () => {
    const working = await startResendStub();
    vi.stubEnv('RESEND_API_KEY', 're_test');
    vi.stubEnv('RESEND_BASE_URL', working.url);
    const user = await makeUser(db, { email: address(), emailVerifiedAt: new Date() });
    expect(await forgotPasswordAction(idle, formData({ email: user.email }))).toMatchObject({ status: 'ok' });
    await working.close();
    const firstLink = working.received[0]!.body.text.match(/token=([\w-]+)/)![1]!;
    await sql`update tokens set created_at = now() - interval '2 minutes' where user_id = ${user.id}`;

    const refusing = await startResendStub({ failWith: { status: 500, message: 'outage' } });
    vi.stubEnv('RESEND_BASE_URL', refusing.url);
    const known = await forgotPasswordAction(idle, formData({ email: user.email }));
    const unknown = await forgotPasswordAction(idle, formData({ email: address() }));
    await refusing.close();
    expect(refusing.received).toHaveLength(1);
    expect(known).toEqual(unknown);
    expect(await checkToken(db, { token: firstLink, purpose: 'reset' })).toEqual({ ok: true, value: { userId: user.id } });
  });
});

