// The profile's password change checks the current password like a login does (lib/accounts/password-check.ts):
// against the same limits per e-mail and per client address.
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { makeUser } from '@/db/seed/builders';
import { hashPassword } from '@/domain/crypto/password';
import { attemptLogin } from '@/lib/accounts/login';
import { LOGIN_LIMITS } from '@/lib/accounts/login-limit';
import { db } from '@/lib/db';
import { signInAs } from '../support/fake-auth';
import { formData } from '../support/form';
import { timeoutForHashes } from '../support/scrypt';
import { testSql } from '../support/sql';

const peer = vi.hoisted(() => ({ address: '' }));
vi.mock('@/lib/auth', () => import('../support/fake-auth'));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
vi.mock('next/headers', async () => {
  const { PEER_ADDRESS_HEADER } = await import('@/lib/auth/peer-address');
  return { headers: async () => new Headers({ [PEER_ADDRESS_HEADER]: peer.address }) };
});

const { changePasswordAction } = await import('@/app/(app)/profile/actions');

const sql = testSql();
afterAll(() => sql.end());

const PASSWORD = 'the right password';
const NEW_PASSWORD = 'a brand new password';
const address = () => `198.51.100.${randomBytes(1)[0]}-${randomBytes(3).toString('hex')}`;

async function signedIn() {
  const user = await makeUser(db(), { passwordHash: await hashPassword(PASSWORD), emailVerifiedAt: new Date() });
  signInAs(user);
  return user;
}
const change = (currentPassword: string) => changePasswordAction({ status: 'idle' }, formData({ currentPassword, newPassword: NEW_PASSWORD }));

describe('changing the password', { timeout: timeoutForHashes(12) }, () => {
  it('is refused from an address that has had too many failed logins, for any e-mail, and works from another', async () => {
    const user = await signedIn();
    peer.address = address();
    for (let i = 0; i < LOGIN_LIMITS.perIp; i++) await sql`insert into login_failures (email, ip) values (${`other-${i}@example.test`}, ${peer.address})`;
    expect(await change(PASSWORD)).toMatchObject({ fieldErrors: { currentPassword: ['tooManyAttempts'] }, fieldErrorValues: { minutes: 15 } });
    peer.address = address();
    expect(await change(PASSWORD)).toEqual({ status: 'ok', data: null });
    expect((await attemptLogin(db(), { email: user.email, password: NEW_PASSWORD, ip: address() })).status).toBe('ok');
  });

  it('forgets earlier wrong guesses once the right current password is given, as a login does', async () => {
    const user = await signedIn();
    peer.address = address();
    const failures = async () => ((await sql`select count(*)::int from login_failures where email = ${user.email}`) as unknown as [{ count: number }])[0].count;
    for (let guess = 1; guess < LOGIN_LIMITS.perEmail; guess++) expect(await change(`guess ${guess}`)).toMatchObject({ fieldErrors: { currentPassword: ['wrongPassword'] } });
    expect(await failures()).toBe(LOGIN_LIMITS.perEmail - 1);
    expect(await change(PASSWORD)).toEqual({ status: 'ok', data: null });
    expect(await failures()).toBe(0);
  });

  it('e-mails the user that their password changed, and nothing for a wrong current password', async () => {
    const user = await signedIn();
    peer.address = address();
    const notices = async () => sql`select 1 from outbox_emails where "to" = ${user.email} and subject = 'Your Chargewatch sign-in changed'`;
    expect(await change('not it')).toMatchObject({ fieldErrors: { currentPassword: ['wrongPassword'] } });
    expect(await notices()).toHaveLength(0);
    expect(await change(PASSWORD)).toEqual({ status: 'ok', data: null });
    expect(await notices()).toHaveLength(1);
  });
});
