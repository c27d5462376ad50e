// Where a first login lands, by role: through the login action and Auth.js with the app's configuration.
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createDb } from '@/db/client';
import { invites, memberships } from '@/db/schema';
import { makeAccount, makeCharger, makeUser } from '@/db/seed/builders';
import { hashPassword } from '@/domain/crypto/password';
import { idle } from '@/lib/action-result';
import { Browser, pathOf, redirectTarget, switchBrowser } from '../support/authjs-browser';
import { formData } from '../support/form';

vi.mock('@/lib/auth', () => import('../support/authjs-browser'));
vi.mock('next/headers', async () => (await import('../support/authjs-browser')).nextHeaders);
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const { loginAction } = await import('@/app/(public)/login/actions');

const { db, sql } = createDb(process.env.DATABASE_URL!, { max: 2 });
afterAll(() => sql.end());

const PASSWORD = 'a long enough password';

// A registered, activated user who has never logged in, with their own account (as registration makes it).
async function newUser() {
  const user = await makeUser(db, { passwordHash: await hashPassword(PASSWORD), emailVerifiedAt: new Date() });
  const account = await makeAccount(db, { owner: user });
  return { ...user, accountId: account.id };
}

async function logIn(email: string) {
  const browser = new Browser();
  switchBrowser(browser);
  const path = pathOf(await redirectTarget(() => loginAction(idle, formData({ email, password: PASSWORD }))));
  return { path, currentAccount: browser.jar.get('cw_account') };
}

async function sharedAccount() {
  const owner = await newUser();
  await makeCharger(db, { accountId: owner.accountId, name: 'Shared wallbox' });
  return owner;
}

describe('a first login', () => {
  it('takes an owner with no charger to the onboarding', async () => {
    const owner = await newUser();
    expect(await logIn(owner.email)).toEqual({ path: '/onboarding', currentAccount: undefined });
  });

  it('takes a member of another account to Charge, in that account, though their own account has no charger', async () => {
    const host = await sharedAccount();
    const driver = await newUser();
    await db.insert(memberships).values({ accountId: host.accountId, userId: driver.id, role: 'member' });
    expect(await logIn(driver.email)).toEqual({ path: '/charge', currentAccount: host.accountId });
  });

  it('takes someone whose invitation is still waiting to the dashboard, where they answer it', async () => {
    const host = await sharedAccount();
    const invited = await newUser();
    await db.insert(invites).values({ accountId: host.accountId, invitedUserId: invited.id, email: invited.email, invitedBy: host.id, tokenHash: `hash-${invited.id}`, expiresAt: new Date(Date.now() + 3600_000) });
    expect((await logIn(invited.email)).path).toBe('/dashboard');
  });

  it('takes an owner whose own account has a charger to the dashboard, and nobody past their first login anywhere but there', async () => {
    const owner = await sharedAccount();
    expect((await logIn(owner.email)).path).toBe('/dashboard');
    const fresh = await newUser();
    await logIn(fresh.email);
    expect((await logIn(fresh.email)).path).toBe('/dashboard');
  });
});
